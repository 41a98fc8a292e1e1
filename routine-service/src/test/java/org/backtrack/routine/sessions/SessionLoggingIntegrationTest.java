package org.backtrack.routine.sessions;

import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.RunsOn;

/** Session logging on the embedded KRaft broker and MongoDB-wire server. */
@RunsOn(Infrastructure.EMBEDDED)
class SessionLoggingIntegrationTest extends SessionLoggingIntegrationTests {
}
