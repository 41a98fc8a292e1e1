package org.backtrack.routine;

import org.backtrack.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** On real MongoDB and Kafka containers; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class RoutineApiContainersIntegrationTest extends RoutineApiIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.CONTAINERS.register(registry);
    }
}
