package org.backtrack.events;

/** Kafka topic names fixed by the architecture; dead letters use spring-kafka's {@code <topic>-dlt} default. */
public final class Topics {

    public static final String SESSIONS = "backtrack.sessions";
    public static final String PROGRESS = "backtrack.progress";
    public static final String CATALOG = "backtrack.catalog";

    public static final String DEAD_LETTER_SUFFIX = "-dlt";
    public static final String SESSIONS_DLT = SESSIONS + DEAD_LETTER_SUFFIX;

    private Topics() {
    }
}
