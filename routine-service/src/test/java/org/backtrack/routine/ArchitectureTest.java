package org.backtrack.routine;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.backtrack.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "org.backtrack.routine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** How a routine is composed and timed, and what feedback per exercise changes. */
    @ArchTest
    static final ArchRule rulesArePlainJava = ArchitectureRules.rulesArePlainJava("..routine.composition..", "..routine.programs.rules..",
            "..routine.feedback");

    @ArchTest
    static final ArchRule webAdaptersAreTheEdge = ArchitectureRules.webAdaptersAreTheEdge();

    @ArchTest
    static final ArchRule recordsAreSentThroughTheSharedSend = ArchitectureRules.recordsAreSentThroughTheSharedSend();

    @ArchTest
    static final ArchRule messagingAdaptersAreTheEdge = ArchitectureRules.messagingAdaptersAreTheEdge();

    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.noPackageCycles("org.backtrack.routine");
}
