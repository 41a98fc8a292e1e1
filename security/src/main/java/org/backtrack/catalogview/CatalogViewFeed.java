package org.backtrack.catalogview;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.backtrack.events.CatalogEventCodec;
import org.backtrack.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * Feeds the {@link CatalogView} from {@code backtrack.catalog}. Every instance needs the whole catalog, so each reads
 * every partition in a consumer group of its own and, whenever partitions are assigned (at start), from the beginning:
 * the compacted topic is the snapshot, and the events after it keep the view current. A record that breaks the
 * contract is dead-lettered to {@code backtrack.catalog-dlt} with the reason, like every BackTrack consumer's.
 */
class CatalogViewFeed extends AbstractConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(CatalogViewFeed.class);

    private final CatalogView view;
    private final CatalogEventCodec codec;

    /** Parsed with the service's JSON mapper, whose limits bound what a hostile record can make the parser do. */
    CatalogViewFeed(CatalogView view, JsonMapper json) {
        this.view = view;
        this.codec = new CatalogEventCodec(json);
    }

    @KafkaListener(id = "catalog-view", topics = Topics.CATALOG, concurrency = "1",
            groupId = "${spring.application.name}-catalog-view-${random.uuid}")
    void onCatalogEvent(ConsumerRecord<String, byte[]> record) {
        codec.decode(record.value()).ifPresent(event -> {
            if (view.apply(event.data())) {
                log.debug("catalog view: {} now at version {}", event.data().id(), event.data().version());
            }
        });
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        callback.seekToBeginning(assignments.keySet()); // replaying is harmless: only newer versions apply
    }
}
