package org.backtrack.testsupport;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules of {@link ArchitectureRules} that read the same in every service, in one place: a service's
 * {@code ArchitectureTest} runs them all with {@code @ArchTest static final ArchTests everyService =
 * ArchTests.in(EveryServiceArchitecture.class)}, beside the rules that name its own packages (which hold its rules,
 * which package is its root). A service without web or Kafka adapters passes the rules about them until it gains one.
 */
public final class EveryServiceArchitecture {

    @ArchTest
    static final ArchRule webAdaptersAreTheEdge = ArchitectureRules.webAdaptersAreTheEdge();

    @ArchTest
    static final ArchRule messagingAdaptersAreTheEdge = ArchitectureRules.messagingAdaptersAreTheEdge();

    @ArchTest
    static final ArchRule recordsAreSentThroughTheSharedSend = ArchitectureRules.recordsAreSentThroughTheSharedSend();

    private EveryServiceArchitecture() {
    }
}
