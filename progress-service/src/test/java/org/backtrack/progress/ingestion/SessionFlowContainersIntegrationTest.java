package org.backtrack.progress.ingestion;

import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.RunsOn;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The session flow on real MongoDB and Kafka containers; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
@RunsOn(Infrastructure.CONTAINERS)
class SessionFlowContainersIntegrationTest extends SessionFlowIntegrationTests {
}
