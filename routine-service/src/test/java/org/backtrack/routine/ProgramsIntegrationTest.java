package org.backtrack.routine;

import org.backtrack.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On the embedded KRaft broker and MongoDB-wire server. */
class ProgramsIntegrationTest extends ProgramsIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.EMBEDDED.register(registry);
    }
}
