package org.backtrack.progress.patients;

import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.RunsOn;

/** Bounded reads on the embedded KRaft broker and MongoDB-wire server. */
@RunsOn(Infrastructure.EMBEDDED)
class ProgressReadsIntegrationTest extends ProgressReadsIntegrationTests {
}
