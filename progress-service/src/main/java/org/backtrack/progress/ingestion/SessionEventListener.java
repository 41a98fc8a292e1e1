package org.backtrack.progress.ingestion;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backtrack.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
class SessionEventListener {

    private final SessionIngestion ingestion;

    SessionEventListener(SessionIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @KafkaListener(topics = Topics.SESSIONS)
    void onSessionEvent(ConsumerRecord<String, byte[]> record) {
        ingestion.ingest(record.value(), Instant.ofEpochMilli(record.timestamp()));
    }
}
