package org.backtrack.catalogview;

import org.apache.kafka.clients.admin.NewTopic;
import org.backtrack.deadletters.DeadLetterConfiguration;
import org.backtrack.events.Topics;
import org.backtrack.topics.BoundedTopics;
import org.backtrack.topics.TopicSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog view as beans, for a service that imports this class: the {@link CatalogView}, its feed from
 * {@code backtrack.catalog} ({@link CatalogViewFeed}) under BackTrack's one dead-letter policy, and the topics it
 * needs on a fresh cluster (the compacted catalog topic, and {@code backtrack.catalog-dlt}).
 */
@Configuration(proxyBeanMethods = false)
@Import(DeadLetterConfiguration.class)
public class CatalogViewConfiguration {

    @Bean
    CatalogView catalogView() {
        return new CatalogView();
    }

    @Bean
    CatalogViewFeed catalogViewFeed(CatalogView view, JsonMapper json) {
        return new CatalogViewFeed(view, json);
    }

    @Bean
    NewTopic catalogViewTopic(TopicSettings topics) {
        return BoundedTopics.catalog(topics);
    }

    @Bean
    NewTopic catalogDeadLetterTopic(TopicSettings topics) {
        return BoundedTopics.deadLettersOf(Topics.CATALOG, topics);
    }
}
