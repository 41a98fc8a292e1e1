package org.backtrack.events;

import java.util.Map;
import java.util.Optional;

/**
 * The CloudEvents {@code dataschema} of each event type BackTrack produces: an absolute URI naming the schema its
 * event follows. For the session event it is the {@code $id} of the committed JSON Schema
 * ({@code schemas/session-completed-v1.schema.json}); for the others it names the event's schema in the AsyncAPI
 * document ({@code asyncapi.yaml}, under {@code #/components/schemas/}). The version is part of the type, so a new
 * version of an event gets a new schema URI.
 */
public final class DataSchemas {

    /** Where BackTrack's contract documents are named; not fetched by anyone, an identifier as JSON Schema's $id is. */
    static final String BASE = "https://backtrack.example/";
    public static final String SESSION_COMPLETED = BASE + "schemas/session-completed-v1.schema.json";
    static final String ASYNCAPI_SCHEMAS = BASE + "asyncapi.yaml#/components/schemas/";

    private static final Map<String, String> BY_TYPE = Map.of(
            SessionCompleted.TYPE, SESSION_COMPLETED,
            ProgressStatusChanged.TYPE, ASYNCAPI_SCHEMAS + "ProgressStatusChangedEvent",
            AlertRaised.TYPE, ASYNCAPI_SCHEMAS + "AlertRaisedEvent",
            AlertAcknowledged.TYPE, ASYNCAPI_SCHEMAS + "AlertAcknowledgedEvent",
            AlertResolved.TYPE, ASYNCAPI_SCHEMAS + "AlertResolvedEvent",
            WebhookEndpointDisabled.TYPE, ASYNCAPI_SCHEMAS + "WebhookEndpointDisabledEvent",
            MonitoringDaysReached.TYPE, ASYNCAPI_SCHEMAS + "MonitoringDaysReachedEvent",
            CatalogEventTypes.UPSERTED, ASYNCAPI_SCHEMAS + "ExerciseUpsertedEvent",
            CatalogEventTypes.RETIRED, ASYNCAPI_SCHEMAS + "ExerciseRetiredEvent",
            ProgramChanged.TYPE, ASYNCAPI_SCHEMAS + "ProgramChangedEvent");

    private DataSchemas() {
    }

    /** The schema URI of an event type, empty for a type BackTrack does not define. */
    public static Optional<String> of(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    static Map<String, String> all() {
        return BY_TYPE;
    }
}
