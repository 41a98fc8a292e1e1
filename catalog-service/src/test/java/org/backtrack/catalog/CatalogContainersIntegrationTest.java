package org.backtrack.catalog;

import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.RunsOn;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The catalog on real MongoDB and Kafka containers; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
@RunsOn(Infrastructure.CONTAINERS)
class CatalogContainersIntegrationTest extends CatalogIntegrationTests {
}
