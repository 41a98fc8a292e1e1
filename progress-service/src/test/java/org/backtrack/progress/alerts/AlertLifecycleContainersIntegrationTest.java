package org.backtrack.progress.alerts;

import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.RunsOn;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Alerts end to end on real MongoDB and Kafka containers; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
@RunsOn(Infrastructure.CONTAINERS)
class AlertLifecycleContainersIntegrationTest extends AlertLifecycleIntegrationTests {
}
