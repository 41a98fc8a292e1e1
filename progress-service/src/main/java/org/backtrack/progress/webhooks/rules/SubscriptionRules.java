package org.backtrack.progress.webhooks.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a subscription may ask for: at least one event type, each one BackTrack defines for webhooks, at most
 * {@value #MAX_EVENT_TYPES} distinct; a description of at most {@value #MAX_DESCRIPTION} characters without control
 * characters; at most {@code maxPerClinic} subscriptions per clinic (default {@value #DEFAULT_MAX_PER_CLINIC}).
 */
public final class SubscriptionRules {

    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_EVENT_TYPES = 20;
    public static final int DEFAULT_MAX_PER_CLINIC = 20;

    /** A field the request got wrong, and how. */
    public static final class InvalidSubscriptionException extends RuntimeException {
        private final String field;

        public InvalidSubscriptionException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The clinic has as many subscriptions as it may. */
    public static final class LimitReachedException extends RuntimeException {
        public LimitReachedException(String message) {
            super(message);
        }
    }

    private SubscriptionRules() {
    }

    /** @return the distinct event types, in the order given */
    public static List<String> eventTypes(List<String> requested, List<String> known) {
        if (requested == null || requested.isEmpty()) {
            throw new InvalidSubscriptionException("eventTypes", "must name at least one event type");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String type : requested) {
            if (type == null || !known.contains(type)) {
                throw new InvalidSubscriptionException("eventTypes", "must each be one of " + String.join(", ", known));
            }
            distinct.add(type);
        }
        if (distinct.size() > MAX_EVENT_TYPES) {
            throw new InvalidSubscriptionException("eventTypes", "must name at most " + MAX_EVENT_TYPES + " event types");
        }
        return new ArrayList<>(distinct);
    }

    /** @return the description, stripped; null when absent or blank */
    public static String description(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String stripped = description.strip();
        if (stripped.length() > MAX_DESCRIPTION) {
            throw new InvalidSubscriptionException("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))) {
            throw new InvalidSubscriptionException("description", "must not contain control characters");
        }
        return stripped;
    }

    public static void withinLimit(long existing, int maxPerClinic) {
        if (existing >= maxPerClinic) {
            throw new LimitReachedException("The clinic has " + existing + " webhooks; at most " + maxPerClinic
                    + " are allowed (delete one first)");
        }
    }
}
