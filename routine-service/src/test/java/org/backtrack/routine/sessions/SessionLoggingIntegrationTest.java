package org.backtrack.routine.sessions;

import org.backtrack.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Session logging on the embedded KRaft broker and MongoDB-wire server. */
class SessionLoggingIntegrationTest extends SessionLoggingIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.EMBEDDED.register(registry);
    }
}
