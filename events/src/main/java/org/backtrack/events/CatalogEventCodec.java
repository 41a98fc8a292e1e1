package org.backtrack.events;

import lombok.RequiredArgsConstructor;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

import static org.backtrack.events.ContractJson.invalid;

/**
 * Reads {@code backtrack.catalog} into {@link CatalogExerciseChanged}. A change is checked for what a consumer keys,
 * orders and shows it by (the exercise id, its clinic, a positive version; for an upsert its name, stage, kind and
 * dosage), and anything that breaks it is an {@link InvalidEventException} naming the field. Other catalog event
 * types are passed over, so the producer may add types without breaking consumers.
 */
@RequiredArgsConstructor
public final class CatalogEventCodec {

    private static final JavaType CHANGED = ContractJson.eventOf(CatalogExerciseChanged.class);

    /** Reads the raw record, with the consumer's limits on what a hostile record can make it parse. */
    private final JsonMapper parser;

    /**
     * @return the change, {@code retired} for a retirement; empty for a catalog event of another type
     * @throws InvalidEventException when the record is no JSON, or a change without what consumers act on
     */
    public Optional<CloudEvent<CatalogExerciseChanged>> decode(byte[] raw) {
        JsonNode event = ContractJson.readEvent(parser, raw);
        String type = event.path("type").asString("");
        boolean retired = CatalogEventTypes.RETIRED.equals(type);
        if (!retired && !CatalogEventTypes.UPSERTED.equals(type)) {
            return Optional.empty();
        }
        JsonNode data = event.path("data");
        Identifiers.require("id", event.path("id").asString(""));
        Identifiers.require("data.id", data.path("id").asString(""));
        if (!data.path("clinicId").isMissingNode() && !data.path("clinicId").isNull()) {
            Identifiers.require("data.clinicId", data.path("clinicId").asString(""));
        }
        if (!data.path("version").isIntegralNumber() || data.path("version").asLong() < 1) {
            throw invalid("data.version", "must be a whole number of 1 or more");
        }
        if (!retired) {
            for (String field : new String[] {"name", "stage", "kind"}) {
                if (data.path(field).asString("").isBlank()) {
                    throw invalid("data." + field, "is required");
                }
            }
            if (!data.path("dosage").isObject()) {
                throw invalid("data.dosage", "is required");
            }
        }
        CloudEvent<CatalogExerciseChanged> decoded = ContractJson.convert(event, CHANGED);
        if (!retired) {
            return Optional.of(decoded);
        }
        return Optional.of(new CloudEvent<>(decoded.specversion(), decoded.id(), decoded.source(), decoded.type(),
                decoded.subject(), decoded.time(), decoded.datacontenttype(), decoded.dataschema(), decoded.data().asRetired()));
    }
}
