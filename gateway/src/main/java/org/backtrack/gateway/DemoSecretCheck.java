package org.backtrack.gateway;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * The gateway's {@code dev-gateway-secret} is the demo's, published with BackTrack: outside the Spring profile
 * {@code demo} the gateway refuses to start with a {@code dev-*} client secret, before any bean exists. The services
 * apply the same rule to their client registrations (security module, {@code DemoOnlySecrets}); the gateway does not
 * depend on that module.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClaimNames.class)
class DemoSecretCheck {

    static final String SECRET = "spring.security.oauth2.client.registration.backtrack.client-secret";

    /** Why the gateway must not start, or null. */
    static String violation(List<String> activeProfiles, String secret) {
        if (activeProfiles.contains("demo") || secret == null || !secret.strip().startsWith("dev-")) {
            return null;
        }
        return SECRET + " is a demo secret (it starts with 'dev-' and is published with BackTrack); set the client's real"
                + " secret, or run the demo with the Spring profile 'demo' (spring.profiles.active=demo)";
    }

    @Bean
    static BeanFactoryPostProcessor demoSecretOnlyInDemo(Environment environment) {
        return beanFactory -> {
            String problem = violation(List.of(environment.getActiveProfiles()), environment.getProperty(SECRET));
            if (problem != null) {
                throw new IllegalStateException(problem);
            }
        };
    }
}
