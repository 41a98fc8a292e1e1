package org.backtrack.routine;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.backtrack.testsupport.ArchitectureRules;
import org.backtrack.testsupport.EveryServiceArchitecture;

@AnalyzeClasses(packages = "org.backtrack.routine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Adapters at the edge, records sent through the shared send. */
    @ArchTest
    static final ArchTests everyService = ArchTests.in(EveryServiceArchitecture.class);

    /** How a routine is composed and timed, and what feedback per exercise changes. */
    @ArchTest
    static final ArchRule rulesArePlainJava = ArchitectureRules.rulesArePlainJava("..routine.composition..", "..routine.programs.rules..",
            "..routine.feedback");

    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.noPackageCycles("org.backtrack.routine");
}
