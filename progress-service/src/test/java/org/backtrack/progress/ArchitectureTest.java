package org.backtrack.progress;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.backtrack.testsupport.ArchitectureRules;
import org.backtrack.testsupport.EveryServiceArchitecture;

@AnalyzeClasses(packages = "org.backtrack.progress", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Adapters at the edge, records sent through the shared send. */
    @ArchTest
    static final ArchTests everyService = ArchTests.in(EveryServiceArchitecture.class);

    /** Trends, plateaus, red flags, suggestions, the attention order, alerts, which corrected session stands and what a FHIR search means: the rules. */
    @ArchTest
    static final ArchRule rulesArePlainJava = ArchitectureRules.rulesArePlainJava("..progress.assessment..",
            "..progress.alerts.rules..", "..progress.sessions.rules..", "..progress.webhooks.rules..", "..progress.fhir.rules..", "..progress.monitoring.rules..", "..progress.clinics.rules..",
            "..progress.outcomes.rules..", "..progress.programs.rules..");

    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.noPackageCycles("org.backtrack.progress");
}
