package org.backtrack.progress.webhooks;

import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backtrack.deadletters.DeadLetterPublisher;
import org.backtrack.events.InvalidEventException;
import org.backtrack.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The webhook feed's consumer: its own group ({@code backtrack.webhooks.group-id}, default {@value #GROUP}), so
 * webhooks neither slow nor are slowed by the session consumer. It reads each poll with {@link WebhookFeed}, which only
 * queues deliveries (one bulk write) and never calls out; a failure to write is thrown, for the poll to be retried. A
 * record that breaks the contract is skipped: each topic's own consumer dead-letters it (on {@code backtrack.programs},
 * the program history's, {@code progress-service-programs}).
 */
@Component
@RequiredArgsConstructor
class WebhookFeedListener {

    static final String GROUP = "progress-service-webhooks";

    private final WebhookFeed feed;
    private final DeadLetterPublisher deadLetters;

    @KafkaListener(topics = {Topics.SESSIONS, Topics.PROGRESS, Topics.PROGRAMS},
            groupId = "${backtrack.webhooks.group-id:" + GROUP + "}", batch = "true")
    void onEvents(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        if (!feed.anySubscription()) {
            return; // nothing could be queued: the records are not even decoded (most deployments, most of the time)
        }
        List<WebhookFeed.FedEvent> read = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                feed.read(record.topic(), record.value()).ifPresent(read::add);
            } catch (InvalidEventException invalid) {
                if (WebhookFeed.deadLettersHere(record.topic())) {
                    feed.enqueue(read);
                    read.clear();
                    deadLetters.acceptInBatch(record, consumer, invalid);
                } else {
                    feed.skip(new WebhookFeed.Arrival(record.topic(), record.partition(), record.offset(), record.value()), invalid);
                }
            }
        }
        feed.enqueue(read);
    }
}
