package org.backtrack.issuer;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.backtrack.testsupport.EveryServiceArchitecture;

/**
 * The development issuer keeps the rules every service keeps. It holds no domain rules and, one package as it is, no
 * packages that could form a cycle: a cycle rule would check nothing (ArchUnit fails such a rule).
 */
@AnalyzeClasses(packages = "org.backtrack.issuer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Adapters at the edge, records sent through the shared send. */
    @ArchTest
    static final ArchTests everyService = ArchTests.in(EveryServiceArchitecture.class);
}
