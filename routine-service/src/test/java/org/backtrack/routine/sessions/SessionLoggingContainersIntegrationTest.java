package org.backtrack.routine.sessions;

import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.RunsOn;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Session logging on real MongoDB and Kafka containers; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
@RunsOn(Infrastructure.CONTAINERS)
class SessionLoggingContainersIntegrationTest extends SessionLoggingIntegrationTests {
}
