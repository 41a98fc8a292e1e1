package org.backtrack.testsupport;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Adds the properties of a test's {@link RunsOn} infrastructure to its context, first in line and read when asked for
 * (so a server starts only for a context that loads), as a {@code @DynamicPropertySource} would.
 */
final class InfrastructureProperties implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        RunsOn runsOn = TestContextAnnotationUtils.findMergedAnnotation(testClass, RunsOn.class);
        return runsOn == null ? null : new Customizer(runsOn.value(), testClass);
    }

    /**
     * Equal only for the same test class: each class keeps a context of its own, as its own
     * {@code @DynamicPropertySource} method gave it, so no test sees another class's beans' state.
     */
    private record Customizer(Infrastructure infrastructure, Class<?> testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            Map<String, Supplier<Object>> values = new LinkedHashMap<>();
            infrastructure.register(values::put);
            context.getEnvironment().getPropertySources().addFirst(new Suppliers(values));
        }
    }

    private static final class Suppliers extends EnumerablePropertySource<Map<String, Supplier<Object>>> {

        Suppliers(Map<String, Supplier<Object>> values) {
            super("backtrack-test-infrastructure", values);
        }

        @Override
        public String[] getPropertyNames() {
            return getSource().keySet().toArray(String[]::new);
        }

        @Override
        public Object getProperty(String name) {
            Supplier<Object> value = getSource().get(name);
            return value == null ? null : value.get();
        }
    }
}
