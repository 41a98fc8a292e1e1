package org.backtrack.progress.alerts;

import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.RunsOn;

/** Alerts end to end on the embedded KRaft broker and MongoDB-wire server. */
@RunsOn(Infrastructure.EMBEDDED)
class AlertLifecycleIntegrationTest extends AlertLifecycleIntegrationTests {
}
