package org.backtrack.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared rules catch what they say they catch, so a passing ArchitectureTest means something. */
class ArchitectureRulesTest {

    static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("org.backtrack.testsupport.fixture");

    @Test
    void aFrameworkInARulePackageIsAViolation() {
        assertThatThrownBy(() -> ArchitectureRules.rulesArePlainJava("..fixture.rules..").check(FIXTURES))
                .hasMessageContaining("FrameworkInRules").hasMessageContaining("org.springframework.util.StringUtils");
    }

    @Test
    void theApplicationLayerCallingAWebAdapterIsAViolation() {
        assertThatThrownBy(() -> ArchitectureRules.webAdaptersAreTheEdge().check(FIXTURES))
                .hasMessageContaining("CallsItsCaller").hasMessageContaining("Endpoint");
    }

    @Test
    void dependingOnAKafkaListenerIsAViolation() {
        assertThatThrownBy(() -> ArchitectureRules.messagingAdaptersAreTheEdge().check(FIXTURES))
                .hasMessageContaining("Listener");
    }

    @Test
    void aPackageCycleIsAViolation() {
        assertThatThrownBy(() -> ArchitectureRules.noPackageCycles("org.backtrack.testsupport.fixture").check(FIXTURES))
                .hasMessageContaining("Cycle detected");
    }
}
