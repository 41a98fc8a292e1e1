package org.backtrack.progress.ingestion;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backtrack.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Takes each poll as one batch: a few MongoDB round trips per batch instead of several per event. An invalid
 * record is handed to the error handler by position, which commits what came before, dead-letters that record
 * and delivers the rest again.
 */
@Component
class SessionEventListener {

    private final SessionIngestion ingestion;

    SessionEventListener(SessionIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @KafkaListener(topics = Topics.SESSIONS, batch = "true")
    void onSessionEvents(List<ConsumerRecord<String, byte[]>> records) {
        var arrivals = records.stream()
                .map(r -> new SessionIngestion.Arrival(r.value(), Instant.ofEpochMilli(r.timestamp()))).toList();
        ingestion.ingest(arrivals).ifPresent(rejection -> {
            throw new BatchListenerFailedException(rejection.reason().getMessage(), rejection.reason(),
                    records.get(rejection.index()));
        });
    }
}
