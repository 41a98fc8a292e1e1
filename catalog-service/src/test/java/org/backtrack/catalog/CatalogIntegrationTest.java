package org.backtrack.catalog;

import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.RunsOn;

/** The catalog on the embedded MongoDB-wire server and KRaft broker. */
@RunsOn(Infrastructure.EMBEDDED)
class CatalogIntegrationTest extends CatalogIntegrationTests {
}
