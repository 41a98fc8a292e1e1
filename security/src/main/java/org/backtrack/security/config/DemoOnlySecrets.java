package org.backtrack.security.config;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code dev-*} client secrets are the demo's: they are published in this repository, so outside the {@code demo}
 * profile a client secret that starts with {@code dev-} is a configuration error, never a working credential.
 */
public final class DemoOnlySecrets {

    public static final String DEMO_PROFILE = "demo";
    public static final String DEMO_SECRET_PREFIX = "dev-";

    private DemoOnlySecrets() {
    }

    /**
     * @param activeProfiles the Spring profiles in force
     * @param secrets        each client secret by the property that sets it
     * @return why the service must not start, naming the first offending property; empty when it may
     */
    public static Optional<String> violation(Collection<String> activeProfiles, Map<String, String> secrets) {
        if (activeProfiles.contains(DEMO_PROFILE)) {
            return Optional.empty();
        }
        return new TreeMap<>(secrets).entrySet().stream()
                .filter(secret -> secret.getValue() != null && secret.getValue().strip().startsWith(DEMO_SECRET_PREFIX))
                .findFirst()
                .map(secret -> secret.getKey() + " is a demo secret (it starts with '" + DEMO_SECRET_PREFIX
                        + "' and is published with BackTrack); set the client's real secret, or run the demo with the Spring profile '"
                        + DEMO_PROFILE + "' (spring.profiles.active=" + DEMO_PROFILE + ")");
    }
}
