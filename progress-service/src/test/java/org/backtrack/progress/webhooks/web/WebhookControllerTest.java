package org.backtrack.progress.webhooks.web;

import org.backtrack.events.WebhookEventTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI text names exactly the event types a webhook accepts. */
class WebhookControllerTest {

    @Test
    void theDocumentedEventTypesAreTheAcceptedOnes() {
        String listed = WebhookController.TYPES;
        WebhookEventTypes.ALL.forEach(type -> assertThat(listed).contains("`" + type + "`"));
        assertThat(listed.split("`backtrack\\.").length - 1).isEqualTo(WebhookEventTypes.ALL.size());
    }
}
