package org.backtrack.progress.webhooks;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backtrack.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The webhook feed's consumer: its own group ({@code backtrack.webhooks.group-id}, default {@value #GROUP}), so
 * webhooks neither slow nor are slowed by the session consumer. It hands each poll to {@link WebhookFeed}, which only
 * queues deliveries (one bulk write) and never calls out; a failure to write is thrown, for the poll to be retried.
 */
@Component
class WebhookFeedListener {

    static final String GROUP = "progress-service-webhooks";

    private final WebhookFeed feed;

    WebhookFeedListener(WebhookFeed feed) {
        this.feed = feed;
    }

    @KafkaListener(topics = {Topics.SESSIONS, Topics.PROGRESS}, groupId = "${backtrack.webhooks.group-id:" + GROUP + "}",
            batch = "true")
    void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        feed.feed(records.stream().map(r -> new WebhookFeed.Arrival(r.topic(), r.partition(), r.offset(), r.value())).toList());
    }
}
