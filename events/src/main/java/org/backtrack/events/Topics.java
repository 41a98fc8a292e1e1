package org.backtrack.events;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kafka topic names fixed by the architecture; dead letters use spring-kafka's {@code <topic>-dlt} default. */
public final class Topics {

    public static final String SESSIONS = "backtrack.sessions";
    public static final String PROGRESS = "backtrack.progress";
    public static final String CATALOG = "backtrack.catalog";
    /** Patient programs as routine-service changes them, keyed by patient id (additive to the architecture's three). */
    public static final String PROGRAMS = "backtrack.programs";

    /** The contract's topics (each has a dead-letter topic, {@link #deadLetterOf}). */
    public static final List<String> ALL = List.of(SESSIONS, PROGRESS, CATALOG, PROGRAMS);

    public static final String DEAD_LETTER_SUFFIX = "-dlt";
    public static final String SESSIONS_DLT = SESSIONS + DEAD_LETTER_SUFFIX;
    public static final String PROGRESS_DLT = PROGRESS + DEAD_LETTER_SUFFIX;
    public static final String CATALOG_DLT = CATALOG + DEAD_LETTER_SUFFIX;
    public static final String PROGRAMS_DLT = PROGRAMS + DEAD_LETTER_SUFFIX;

    /**
     * {@code max.message.bytes} of every BackTrack topic and dead-letter topic: the largest event the contract accepts
     * ({@link SessionEventValidator#MAX_EVENT_BYTES}) with room for its key and headers, and the largest dead letter
     * ({@link DeadLetterContent}) with room to spare. The broker refuses anything larger at the door.
     */
    public static final int MAX_MESSAGE_BYTES = 80 * 1024;

    /**
     * A clinic's own ingress topic, {@code backtrack.sessions.<clinicId>}: the only topic its integration principal may
     * write. Records on it are taken to be that clinic's (the broker authenticated the writer) and are forwarded to
     * {@link #SESSIONS} once they say so. Kafka topic names allow letters, digits, {@code . _ -}: a clinic whose id has
     * {@code :} or {@code @} has no ingress topic.
     */
    public static final String INGRESS_PREFIX = SESSIONS + ".";
    /** Every ingress topic and none of their dead-letter topics (Kafka's classic consumer matches Java patterns). */
    public static final String INGRESS_PATTERN = "backtrack\\.sessions\\.(?!.*-dlt$)([A-Za-z0-9][A-Za-z0-9._-]{0,127})";

    private static final Pattern INGRESS = Pattern.compile(INGRESS_PATTERN);

    private Topics() {
    }

    /** The dead-letter topic of a topic: spring-kafka's default {@code <topic>-dlt}. */
    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    public static String ingressOf(String clinicId) {
        if (!Identifiers.isValid(clinicId) || clinicId.contains(":") || clinicId.contains("@")) {
            throw new IllegalArgumentException("clinic id cannot name a topic");
        }
        return INGRESS_PREFIX + clinicId;
    }

    /** The clinic whose ingress topic this is, if it is one. */
    public static Optional<String> clinicOfIngress(String topic) {
        Matcher matcher = INGRESS.matcher(topic);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
