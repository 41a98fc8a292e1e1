package org.backtrack.progress;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.backtrack.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "org.backtrack.progress", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Trends, plateaus, red flags, suggestions, the attention order, alerts and which corrected session stands: the rules. */
    @ArchTest
    static final ArchRule rulesArePlainJava = ArchitectureRules.rulesArePlainJava("..progress.assessment..",
            "..progress.alerts.rules..", "..progress.sessions.rules..");

    @ArchTest
    static final ArchRule webAdaptersAreTheEdge = ArchitectureRules.webAdaptersAreTheEdge();

    @ArchTest
    static final ArchRule recordsAreSentThroughTheSharedSend = ArchitectureRules.recordsAreSentThroughTheSharedSend();

    @ArchTest
    static final ArchRule messagingAdaptersAreTheEdge = ArchitectureRules.messagingAdaptersAreTheEdge();

    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.noPackageCycles("org.backtrack.progress");
}
