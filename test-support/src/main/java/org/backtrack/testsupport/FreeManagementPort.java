package org.backtrack.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Runs a Spring Boot test's actuator on a management port of its own, as production runs it (Prometheus scrapes it
 * there): a free port, chosen for each application context. Use with
 * {@code @ContextConfiguration(initializers = FreeManagementPort.class)}; the test reads the port with
 * {@code @Value("${management.server.port}")}.
 */
public class FreeManagementPort implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(FreeManagementPort.class.getSimpleName(),
                Map.of("management.server.port", PlainHttp.freePort())));
    }
}
