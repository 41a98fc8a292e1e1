package org.backtrack.testsupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture every BackTrack service keeps, as ArchUnit rules its {@code ArchitectureTest} applies to its own
 * packages (a unit test: it reads compiled classes, no context). Rules live in plain Java; web and messaging adapters
 * sit at the edge, depending on the application layer and never depended on by it; packages form no cycle.
 */
public final class ArchitectureRules {

    /** What a rule package never touches: frameworks, storage, messaging and JSON belong to adapters. */
    public static final String[] FRAMEWORKS = {"org.springframework..", "jakarta..", "com.mongodb..", "org.bson..",
            "org.apache.kafka..", "tools.jackson..", "com.fasterxml.jackson.."};

    /** BackTrack's web adapter packages (Spring's own {@code org.springframework.web} is no adapter of ours). */
    private static final String WEB_ADAPTERS = "org.backtrack..web..";
    // by name, so a service without Kafka or web on its test classpath can use these rules too
    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
    private static final String REST_CONTROLLER_ADVICE = "org.springframework.web.bind.annotation.RestControllerAdvice";
    private static final String KAFKA_LISTENER = "org.springframework.kafka.annotation.KafkaListener";

    private ArchitectureRules() {
    }

    /** The packages that hold the service's rules depend on no framework, storage, messaging or JSON library. */
    public static ArchRule rulesArePlainJava(String... rulePackages) {
        return noClasses().that().resideInAnyPackage(rulePackages)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .as("rules in " + String.join(", ", rulePackages) + " are plain Java (no Spring, MongoDB, Kafka or Jackson)");
    }

    /**
     * Web adapters (controllers, problem advice, the classes of {@code ..web..} packages) call the application layer;
     * nothing but another web adapter calls them.
     */
    public static ArchRule webAdaptersAreTheEdge() {
        return noClasses().that().resideOutsideOfPackage(WEB_ADAPTERS).and(DescribedPredicate.not(areHttpAdapters()))
                .should().dependOnClassesThat().resideInAPackage(WEB_ADAPTERS)
                .orShould().dependOnClassesThat(areHttpAdapters())
                .as("only web adapters depend on web adapters (the application layer never calls its callers)");
    }

    /** Kafka listeners call the application layer; no class depends on a listener. */
    public static ArchRule messagingAdaptersAreTheEdge() {
        return noClasses().should().dependOnClassesThat(areKafkaListeners())
                .as("no class depends on a Kafka listener (the application layer never calls its callers)");
    }

    /**
     * A service sends records to Kafka only through the shared send ({@code org.backtrack.outbox.AcknowledgedSend}), which
     * waits for the acknowledgement the same way everywhere and marks every record a structured-mode CloudEvent with
     * the {@code content-type} header; no service class calls a Kafka template or producer's {@code send} itself.
     */
    public static ArchRule recordsAreSentThroughTheSharedSend() {
        return noClasses().should().callMethodWhere(target(name("send")).and(target(owner(
                        assignableTo("org.springframework.kafka.core.KafkaOperations")
                                .or(assignableTo("org.apache.kafka.clients.producer.Producer"))))))
                .as("records reach Kafka only through the shared send (org.backtrack.outbox.AcknowledgedSend)");
    }

    /** The service's packages ({@code servicePackage.*} and below) form no dependency cycle. */
    public static ArchRule noPackageCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(**)").should().beFreeOfCycles()
                .as("the packages of " + servicePackage + " form no cycle");
    }

    private static DescribedPredicate<JavaClass> areHttpAdapters() {
        return DescribedPredicate.describe("are HTTP adapters",
                c -> c.isAnnotatedWith(REST_CONTROLLER) || c.isAnnotatedWith(REST_CONTROLLER_ADVICE));
    }

    private static DescribedPredicate<JavaClass> areKafkaListeners() {
        return DescribedPredicate.describe("are Kafka listeners",
                c -> c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(KAFKA_LISTENER)));
    }
}
