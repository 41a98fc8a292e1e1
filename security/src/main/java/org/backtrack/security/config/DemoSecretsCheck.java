package org.backtrack.security.config;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses to start, before any bean is created, when an OAuth2 client registration, or another secret property of
 * {@link #OTHER_SECRETS}, has a demo secret outside the demo profile ({@link DemoOnlySecrets}).
 */
public final class DemoSecretsCheck implements BeanFactoryPostProcessor {

    static final String REGISTRATIONS = "spring.security.oauth2.client.registration";
    /** Secrets that are no client secret: progress-service's key for webhook signing secrets at rest. */
    static final List<String> OTHER_SECRETS = List.of("backtrack.webhooks.encryption-key");

    private static final Bindable<Map<String, Map<String, String>>> BY_REGISTRATION = Bindable.of(ResolvableType.forClassWithGenerics(
            Map.class, ResolvableType.forClass(String.class), ResolvableType.forClassWithGenerics(Map.class, String.class, String.class)));

    private final Environment environment;

    public DemoSecretsCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Map<String, Map<String, String>> registrations = Binder.get(environment).bind(REGISTRATIONS, BY_REGISTRATION)
                .orElse(Map.of());
        Map<String, String> secrets = new LinkedHashMap<>();
        registrations.forEach((registration, settings) -> settings.forEach((key, value) -> {
            // relaxed binding: client-secret from a file, clientsecret from an environment variable
            if (key.replace("-", "").equalsIgnoreCase("clientsecret")) {
                secrets.put(REGISTRATIONS + "." + registration + ".client-secret", value);
            }
        }));
        for (String property : OTHER_SECRETS) {
            String value = environment.getProperty(property);
            if (value != null) {
                secrets.put(property, value);
            }
        }
        DemoOnlySecrets.violation(List.of(environment.getActiveProfiles()), secrets).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }
}
