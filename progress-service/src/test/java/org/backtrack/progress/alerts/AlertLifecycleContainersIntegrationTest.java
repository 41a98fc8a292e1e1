package org.backtrack.progress.alerts;

import org.backtrack.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Alerts end to end on real MongoDB and Kafka containers; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class AlertLifecycleContainersIntegrationTest extends AlertLifecycleIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.CONTAINERS.register(registry);
    }
}
