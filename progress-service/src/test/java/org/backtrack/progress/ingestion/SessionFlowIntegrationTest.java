package org.backtrack.progress.ingestion;

import org.backtrack.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The session flow on the embedded KRaft broker and MongoDB-wire server. */
class SessionFlowIntegrationTest extends SessionFlowIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.EMBEDDED.register(registry);
    }
}
