package org.backtrack.routine;

import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.RunsOn;

/** On the embedded KRaft broker and MongoDB-wire server. */
@RunsOn(Infrastructure.EMBEDDED)
class ProgramsIntegrationTest extends ProgramsIntegrationTests {
}
