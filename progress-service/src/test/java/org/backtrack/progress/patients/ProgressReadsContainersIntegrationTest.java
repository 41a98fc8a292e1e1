package org.backtrack.progress.patients;

import org.backtrack.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Bounded reads on real MongoDB and Kafka containers; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class ProgressReadsContainersIntegrationTest extends ProgressReadsIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.CONTAINERS.register(registry);
    }
}
