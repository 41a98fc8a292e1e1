package org.backtrack.progress.patients;

import org.backtrack.testsupport.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Bounded reads on the embedded KRaft broker and MongoDB-wire server. */
class ProgressReadsIntegrationTest extends ProgressReadsIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.EMBEDDED.register(registry);
    }
}
