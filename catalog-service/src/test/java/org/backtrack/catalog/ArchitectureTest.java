package org.backtrack.catalog;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.backtrack.testsupport.ArchitectureRules;
import org.backtrack.testsupport.EveryServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.backtrack.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Adapters at the edge, records sent through the shared send. */
    @ArchTest
    static final ArchTests everyService = ArchTests.in(EveryServiceArchitecture.class);

    /** The library's model and the rules that judge it. */
    @ArchTest
    static final ArchRule rulesArePlainJava = ArchitectureRules.rulesArePlainJava("..catalog.model..", "..catalog.rules..");

    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.noPackageCycles("org.backtrack.catalog");

    /** The web adapter goes through the application layer, never straight to storage or publication. */
    @ArchTest
    static final ArchRule webUsesTheApplicationLayer = noClasses().that().resideInAPackage("..catalog.web..")
            .should().dependOnClassesThat().resideInAnyPackage("..catalog.storage..", "..catalog.publication..", "..catalog.content..");
}
