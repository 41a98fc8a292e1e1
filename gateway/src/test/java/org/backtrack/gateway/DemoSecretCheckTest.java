package org.backtrack.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoSecretCheckTest {

    @Test
    void aDevSecretIsTheDemosOnly() {
        assertThat(DemoSecretCheck.violation(List.of(), "dev-gateway-secret")).startsWith(DemoSecretCheck.SECRET + " is a demo secret");
        assertThat(DemoSecretCheck.violation(List.of("prod"), " dev-other")).isNotNull();
        assertThat(DemoSecretCheck.violation(List.of("demo"), "dev-gateway-secret")).isNull();
        assertThat(DemoSecretCheck.violation(List.of(), "a-real-secret-dev-")).isNull();
        assertThat(DemoSecretCheck.violation(List.of(), null)).isNull();
    }

    @Test
    void theGatewayRefusesToStartWithADevSecretOutsideTheDemoProfile() {
        var runner = new ApplicationContextRunner().withUserConfiguration(DemoSecretCheck.class);
        runner.withPropertyValues(DemoSecretCheck.SECRET + "=dev-gateway-secret")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageStartingWith(DemoSecretCheck.SECRET + " is a demo secret"));
        runner.withPropertyValues(DemoSecretCheck.SECRET + "=dev-gateway-secret", "spring.profiles.active=demo")
                .run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues(DemoSecretCheck.SECRET + "=from-the-vault").run(context -> assertThat(context).hasNotFailed());
    }
}
