package org.backtrack.progress.alerts.rules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** What raises an alert, its episode and how it resolves stay plain Java: no Spring, MongoDB, Kafka or Jackson. */
@AnalyzeClasses(packages = "org.backtrack.progress", importOptions = ImportOption.DoNotIncludeTests.class)
class AlertRulesArePlainJavaTest {

    @ArchTest
    static final ArchRule alertRulesArePlainJava = noClasses()
            .that().resideInAPackage("..progress.alerts.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                    "org.apache.kafka..", "tools.jackson..", "com.fasterxml..");
}
