package org.backtrack.events;

import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The one validator of {@code backtrack.session.completed.v1}, used by routine-service before it accepts a
 * session and by progress-service before it counts one. It mirrors
 * {@code schemas/session-completed-v1.schema.json} (a test keeps the two in agreement) and adds the rules a
 * schema cannot express: the event must fit {@link #MAX_EVENT_BYTES}, identifiers follow {@link Identifiers}, and
 * {@code completedAt} and {@code time} must be plausible ({@link PlausibleTime}).
 * Every violation is reported, each naming its field, so an integrator can fix a payload in one go.
 */
public final class SessionEventValidator {

    public static final int MAX_EVENT_BYTES = 64 * 1024;
    public static final int MAX_ID_LENGTH = Identifiers.MAX_LENGTH;
    public static final int MAX_SOURCE_LENGTH = 256;
    public static final int MAX_NOTES_LENGTH = 2000;
    public static final int MAX_EXERCISES = 100;
    public static final int MIN_PAIN = 0;
    public static final int MAX_PAIN = 10;
    public static final int MAX_DURATION_SECONDS = 24 * 60 * 60;
    public static final int MAX_HOLD_SECONDS = 60 * 60;
    public static final int MAX_REPS = 1000;
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final List<String> FEELINGS =
            java.util.Arrays.stream(ExerciseFeeling.values()).map(Enum::name).toList();
    private static final List<String> FLAG_NAMES = List.of("sharpPain", "radiatingPain", "numbness", "nightPain");

    private final PlausibleTime plausibleTime;

    public SessionEventValidator(PlausibleTime plausibleTime) {
        this.plausibleTime = plausibleTime;
    }

    public SessionEventValidator(Clock clock) {
        this(PlausibleTime.defaults(clock));
    }

    public SessionEventValidator() {
        this(Clock.systemUTC());
    }

    /** Validates a whole CloudEvent; payload fields are reported as {@code data.<field>}. */
    public List<Violation> validateEvent(JsonNode event) {
        var violations = new Violations();
        if (event == null || !event.isObject()) {
            violations.add("$", "must be a JSON object (a CloudEvent in structured mode)");
            return violations.list;
        }
        constant(event, "specversion", CloudEvent.SPEC_VERSION, violations);
        requiredString(event, "id", MAX_ID_LENGTH, violations);
        requiredString(event, "source", MAX_SOURCE_LENGTH, violations);
        constant(event, "type", SessionCompleted.TYPE, violations);
        optionalString(event, "subject", "subject", MAX_ID_LENGTH, violations);
        JsonNode time = event.get("time");
        if (present(time)) {
            plausible(instant(time, "time", violations), "time", violations);
        }
        JsonNode contentType = event.get("datacontenttype");
        if (present(contentType) && !(contentType.isString()
                && contentType.stringValue().toLowerCase(Locale.ROOT).startsWith(CloudEvent.JSON_CONTENT_TYPE))) {
            violations.add("datacontenttype", "must be application/json when present");
        }
        JsonNode data = event.get("data");
        if (!present(data)) {
            violations.add("data", "is required");
        } else {
            validateData(data, "data.", violations);
        }
        return violations.list;
    }

    /** Validates the payload alone, as routine-service receives it over HTTP; fields are named bare. */
    public List<Violation> validateData(JsonNode data) {
        var violations = new Violations();
        validateData(data, "", violations);
        return violations.list;
    }

    private void validateData(JsonNode data, String prefix, Violations violations) {
        if (!data.isObject()) {
            violations.add(prefix.isEmpty() ? "$" : prefix.substring(0, prefix.length() - 1), "must be a JSON object");
            return;
        }
        for (String id : List.of("sessionId", "clinicId", "patientId")) {
            identifier(data.get(id), prefix + id, true, violations);
        }
        identifier(data.get("routineId"), prefix + "routineId", false, violations);
        JsonNode completedAt = data.get("completedAt");
        if (!present(completedAt)) {
            violations.add(prefix + "completedAt", "is required (an RFC 3339 instant such as 2026-11-20T07:31:00Z)");
        } else {
            plausible(instant(completedAt, prefix + "completedAt", violations), prefix + "completedAt", violations);
        }
        optionalInteger(data, "durationSeconds", prefix, 0, MAX_DURATION_SECONDS, violations);
        for (String pain : List.of("painBefore", "painAfter")) {
            if (!present(data.get(pain))) {
                violations.add(prefix + pain, "is required (an integer pain score from 0 to 10)");
            } else {
                integer(data.get(pain), prefix + pain, MIN_PAIN, MAX_PAIN, violations);
            }
        }
        exercises(data.get("exercises"), prefix + "exercises", violations);
        flags(data.get("flags"), prefix + "flags", violations);
        optionalString(data, "notes", prefix + "notes", MAX_NOTES_LENGTH, violations);
    }

    private static void exercises(JsonNode exercises, String field, Violations violations) {
        if (!presentAs(exercises, JsonNode::isArray, "an array", field, violations)) {
            return;
        }
        if (exercises.size() > MAX_EXERCISES) {
            violations.add(field, "must not have more than " + MAX_EXERCISES + " items");
            return;
        }
        for (int i = 0; i < exercises.size(); i++) {
            JsonNode exercise = exercises.get(i);
            String itemField = field + "[" + i + "]";
            if (!exercise.isObject()) {
                violations.add(itemField, "must be an object");
                continue;
            }
            identifier(exercise.get("exerciseId"), itemField + ".exerciseId", true, violations);
            optionalBoolean(exercise, "completed", itemField + ".", violations);
            optionalInteger(exercise, "holdSeconds", itemField + ".", 0, MAX_HOLD_SECONDS, violations);
            optionalInteger(exercise, "reps", itemField + ".", 0, MAX_REPS, violations);
            JsonNode felt = exercise.get("felt");
            if (present(felt) && !(felt.isString() && FEELINGS.contains(felt.stringValue()))) {
                violations.add(itemField + ".felt", "must be one of " + String.join(", ", FEELINGS));
            }
            optionalBoolean(exercise, "hurt", itemField + ".", violations);
        }
    }

    private static void flags(JsonNode flags, String field, Violations violations) {
        if (!presentAs(flags, JsonNode::isObject, "an object", field, violations)) {
            return;
        }
        for (String name : FLAG_NAMES) {
            optionalBoolean(flags, name, field + ".", violations);
        }
    }

    private void plausible(Instant at, String field, Violations violations) {
        if (at != null) {
            plausibleTime.problemWith(at).ifPresent(problem -> violations.add(field, problem));
        }
    }

    private static void identifier(JsonNode node, String field, boolean required, Violations violations) {
        if (!present(node)) {
            if (required) {
                violations.add(field, "is required");
            }
            return;
        }
        if (!node.isString() || !Identifiers.isValid(node.stringValue())) {
            violations.add(field, Identifiers.RULE);
        }
    }

    private static void constant(JsonNode parent, String name, String expected, Violations violations) {
        JsonNode node = parent.get(name);
        if (!present(node)) {
            violations.add(name, "is required and must be \"" + expected + "\"");
        } else if (!node.isString() || !expected.equals(node.stringValue())) {
            violations.add(name, "must be \"" + expected + "\"");
        }
    }

    private static void requiredString(JsonNode parent, String name, int maxLength, Violations violations) {
        JsonNode node = parent.get(name);
        if (!present(node)) {
            violations.add(name, "is required");
        } else if (!node.isString() || node.stringValue().isBlank() || node.stringValue().length() > maxLength) {
            violations.add(name, "must be a non-blank string of at most " + maxLength + " characters");
        }
    }

    private static void optionalString(JsonNode parent, String name, String field, int maxLength, Violations violations) {
        JsonNode node = parent.get(name);
        if (present(node) && (!node.isString() || node.stringValue().length() > maxLength)) {
            violations.add(field, "must be a string of at most " + maxLength + " characters");
        }
    }

    private static void optionalInteger(JsonNode parent, String name, String prefix, int min, int max,
                                        Violations violations) {
        JsonNode node = parent.get(name);
        if (present(node)) {
            integer(node, prefix + name, min, max, violations);
        }
    }

    private static void optionalBoolean(JsonNode parent, String name, String prefix, Violations violations) {
        JsonNode node = parent.get(name);
        if (present(node) && !node.isBoolean()) {
            violations.add(prefix + name, "must be true or false");
        }
    }

    private static void integer(JsonNode node, String field, int min, int max, Violations violations) {
        // JSON Schema counts 4.0 as an integer, so do we; 4.5 or "4" are not.
        boolean whole = node.isIntegralNumber() || (node.isNumber() && node.doubleValue() == Math.rint(node.doubleValue()));
        if (!whole || node.doubleValue() < min || node.doubleValue() > max) {
            violations.add(field, "must be an integer from " + min + " to " + max);
        }
    }

    private static Instant instant(JsonNode node, String field, Violations violations) {
        if (node.isString() && RFC_3339.matcher(node.stringValue()).matches()) {
            try {
                return OffsetDateTime.parse(node.stringValue().toUpperCase(Locale.ROOT)).toInstant();
            } catch (DateTimeParseException e) {
                // falls through: e.g. month 13 matches the pattern but is no date
            }
        }
        violations.add(field, "must be an RFC 3339 instant with an offset, e.g. 2026-11-20T07:31:00Z");
        return null;
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    /** Whether an optional node is there and of the kind it must be; there but of another kind is a violation. */
    private static boolean presentAs(JsonNode node, Predicate<JsonNode> kind, String what, String field, Violations violations) {
        if (!present(node)) {
            return false;
        }
        if (!kind.test(node)) {
            violations.add(field, "must be " + what);
            return false;
        }
        return true;
    }

    private static final class Violations {
        private final List<Violation> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new Violation(field, message));
        }
    }
}
