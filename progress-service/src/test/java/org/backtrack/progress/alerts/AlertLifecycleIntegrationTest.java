package org.backtrack.progress.alerts;

import org.backtrack.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Alerts end to end on the embedded KRaft broker and MongoDB-wire server. */
class AlertLifecycleIntegrationTest extends AlertLifecycleIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.EMBEDDED.register(registry);
    }
}
