package org.backtrack.progress.ingestion;

import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backtrack.deadletters.DeadLetterPublisher;
import org.backtrack.events.Topics;
import org.backtrack.tracing.RecordTraces;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Takes each poll as one batch: a few MongoDB round trips per batch instead of several per event. The records that
 * cannot be applied (invalid, over a limit, or a write retrying cannot fix) are dead-lettered here, with the reason,
 * before the batch is committed, so a flood of them costs one pass. Should a dead letter not be written, that record
 * goes to the error handler by position: what came before it is committed, and the handler tries once more and,
 * failing, stalls the partition visibly. Each record is processed under its producer's trace ({@link RecordTraces}):
 * Spring Kafka's listener observation does not cover batch listeners.
 */
@Component
@RequiredArgsConstructor
class SessionEventListener {

    private final SessionIngestion ingestion;
    private final DeadLetterPublisher deadLetters;
    private final RecordTraces traces;

    @KafkaListener(topics = Topics.SESSIONS, batch = "true")
    void onSessionEvents(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        try (var traced = traces.open(records)) {
            try {
                ingest(records, consumer);
            } catch (RuntimeException failed) {
                traced.failed(failed);
                throw failed;
            }
        }
    }

    private void ingest(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        var arrivals = records.stream()
                .map(r -> new SessionIngestion.Arrival(r.value(), Instant.ofEpochMilli(r.timestamp()))).toList();
        for (SessionIngestion.Rejection rejection : ingestion.ingest(arrivals)) {
            deadLetters.acceptInBatch(records.get(rejection.index()), consumer, rejection.reason());
        }
    }
}
