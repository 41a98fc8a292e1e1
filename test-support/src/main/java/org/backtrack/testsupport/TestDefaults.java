package org.backtrack.testsupport;

import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

/** What integration and system tests share by default, so a change of either is made once. */
public final class TestDefaults {

    /**
     * How long a test waits for something asynchronous to show (an event consumed, a read model updated): far above
     * what it takes, so a loaded two-core CI machine does not fail a test that is right.
     */
    public static final Duration WAIT = Duration.ofSeconds(30);
    /** A plain mapper for reading answers and events (the services' own limits are tested where they apply). */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private TestDefaults() {
    }
}
