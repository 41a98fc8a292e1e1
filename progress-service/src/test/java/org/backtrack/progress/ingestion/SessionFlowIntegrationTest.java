package org.backtrack.progress.ingestion;

import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.RunsOn;

/** The session flow on the embedded KRaft broker and MongoDB-wire server. */
@RunsOn(Infrastructure.EMBEDDED)
class SessionFlowIntegrationTest extends SessionFlowIntegrationTests {
}
