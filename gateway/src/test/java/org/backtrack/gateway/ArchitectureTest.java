package org.backtrack.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.backtrack.testsupport.ArchitectureRules;
import org.backtrack.testsupport.EveryServiceArchitecture;

@AnalyzeClasses(packages = "org.backtrack.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Adapters at the edge, records sent through the shared send. */
    @ArchTest
    static final ArchTests everyService = ArchTests.in(EveryServiceArchitecture.class);

    /** Which quotas a request counts against (its filter and settings are in ratelimit.web). */
    @ArchTest
    static final ArchRule rulesArePlainJava = ArchitectureRules.rulesArePlainJava("..gateway.ratelimit");

    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.noPackageCycles("org.backtrack.gateway");
}
