package org.backtrack.security.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A demo client secret is refused outside the demo profile, naming the property that set it. */
class DemoOnlySecretsTest {

    private static final String SERVICE_CLIENT = "spring.security.oauth2.client.registration.backtrack-service.client-secret";

    @Test
    void aDevSecretOutsideTheDemoProfileIsRefusedNamingItsProperty() {
        assertThat(DemoOnlySecrets.violation(List.of(), Map.of(SERVICE_CLIENT, "dev-progress-secret")))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith(SERVICE_CLIENT + " is a demo secret").contains("demo"));
        assertThat(DemoOnlySecrets.violation(List.of("production"), Map.of(SERVICE_CLIENT, " dev-x"))).isPresent();
    }

    @Test
    void theDemoProfileMayUseDevSecrets() {
        assertThat(DemoOnlySecrets.violation(List.of("demo"), Map.of(SERVICE_CLIENT, "dev-progress-secret"))).isEmpty();
        assertThat(DemoOnlySecrets.violation(List.of("metrics", "demo"), Map.of(SERVICE_CLIENT, "dev-progress-secret"))).isEmpty();
    }

    @Test
    void realSecretsAndNoSecretsAreFine() {
        assertThat(DemoOnlySecrets.violation(List.of(), Map.of(SERVICE_CLIENT, "s3cr3t-dev-"))).isEmpty();
        assertThat(DemoOnlySecrets.violation(List.of(), Map.of(SERVICE_CLIENT, "Dev"))).isEmpty();
        assertThat(DemoOnlySecrets.violation(List.of(), Map.of())).isEmpty();
        assertThat(DemoOnlySecrets.violation(List.of("demo-like"), Map.of())).isEmpty();
    }

    @Test
    void aProfileMerelyNamedLikeTheDemoDoesNotAllowThem() {
        assertThat(DemoOnlySecrets.violation(List.of("demo-like", "nodemo"), Map.of(SERVICE_CLIENT, "dev-progress-secret"))).isPresent();
    }

    @Test
    void theFirstOffendingPropertyByNameIsNamedWhateverTheMapsOrder() {
        String gateway = "spring.security.oauth2.client.registration.backtrack.client-secret";
        // "backtrack-service" sorts before "backtrack.client-secret"
        assertThat(DemoOnlySecrets.violation(List.of(), Map.of(gateway, "dev-b", SERVICE_CLIENT, "dev-a")))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith(SERVICE_CLIENT + " "));
        assertThat(DemoOnlySecrets.violation(List.of(), Map.of(gateway, "dev-b", SERVICE_CLIENT, "real")))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith(gateway + " "));
    }

    @Test
    void aServiceWithADevSecretFailsToStartBeforeAnyBeanIsCreated() {
        new ApplicationContextRunner()
                .withInitializer(c -> c.addBeanFactoryPostProcessor(new DemoSecretsCheck(c.getEnvironment())))
                .withPropertyValues(SERVICE_CLIENT + "=dev-progress-secret",
                        "spring.security.oauth2.client.registration.backtrack-service.scope[0]=openid")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith(SERVICE_CLIENT + " is a demo secret"));
    }

    @Test
    void aDemoWebhookEncryptionKeyOutsideTheDemoProfileStopsTheService() {
        String key = "backtrack.webhooks.encryption-key";
        new ApplicationContextRunner()
                .withInitializer(c -> c.addBeanFactoryPostProcessor(new DemoSecretsCheck(c.getEnvironment())))
                .withPropertyValues(key + "=dev-q2cMRo8m7y0TKi5Tq8nD2p3nq0oG0a7bHk3k9cJvJ0s=")
                .run(started -> assertThat(started).hasFailed().getFailure().hasMessageStartingWith(key + " is a demo secret"));
        new ApplicationContextRunner()
                .withInitializer(c -> c.addBeanFactoryPostProcessor(new DemoSecretsCheck(c.getEnvironment())))
                .withPropertyValues(key + "=dev-q2cMRo8m7y0TKi5Tq8nD2p3nq0oG0a7bHk3k9cJvJ0s=", "spring.profiles.active=demo")
                .run(started -> assertThat(started).hasNotFailed());
    }

    @Test
    void theEnvironmentVariableSpellingIsCaughtToo() {
        new ApplicationContextRunner()
                .withInitializer(c -> {
                    c.getEnvironment().getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                    Map.of("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_BACKTRACK_CLIENTSECRET", "dev-gateway-secret")));
                    c.addBeanFactoryPostProcessor(new DemoSecretsCheck(c.getEnvironment()));
                })
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasMessageStartingWith("spring.security.oauth2.client.registration.backtrack.client-secret is a demo secret"));
    }

    @Test
    void theDemoProfileOrARealSecretStarts() {
        new ApplicationContextRunner()
                .withInitializer(c -> c.addBeanFactoryPostProcessor(new DemoSecretsCheck(c.getEnvironment())))
                .withPropertyValues(SERVICE_CLIENT + "=dev-progress-secret", "spring.profiles.active=demo")
                .run(started -> assertThat(started).hasNotFailed());
        new ApplicationContextRunner()
                .withInitializer(c -> c.addBeanFactoryPostProcessor(new DemoSecretsCheck(c.getEnvironment())))
                .withPropertyValues(SERVICE_CLIENT + "=a-real-one")
                .run(started -> assertThat(started).hasNotFailed());
    }
}
