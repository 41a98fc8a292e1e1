package org.backtrack.progress.patients;

import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.RunsOn;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Bounded reads on real MongoDB and Kafka containers; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
@RunsOn(Infrastructure.CONTAINERS)
class ProgressReadsContainersIntegrationTest extends ProgressReadsIntegrationTests {
}
