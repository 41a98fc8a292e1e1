package org.backtrack.routine.sessions;

import org.backtrack.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Session logging on real MongoDB and Kafka containers; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class SessionLoggingContainersIntegrationTest extends SessionLoggingIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.CONTAINERS.register(registry);
    }
}
