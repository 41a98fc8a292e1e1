package org.backtrack.events;

import lombok.RequiredArgsConstructor;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

import static org.backtrack.events.ContractJson.invalid;

/**
 * Writes and reads {@code backtrack.programs}. A change is checked for what a consumer keys, orders and shows it by
 * (event id, the patient's clinic and id, a positive version, a stage of the ladder, a monitoring start that is a
 * date when present); anything that breaks it is an
 * {@link InvalidEventException} naming the field. Other program event types are passed over, so the producer may add
 * types without breaking consumers.
 */
@RequiredArgsConstructor
public final class ProgramEventCodec {

    private static final JavaType CHANGED = ContractJson.eventOf(ProgramChanged.class);

    /** Reads the raw record, with the consumer's limits on what a hostile record can make it parse. */
    private final JsonMapper parser;

    /** Writing needs no parser, so no instance: a producer encodes without a consumer's limits to choose. */
    public static byte[] encode(CloudEvent<ProgramChanged> event) {
        return ContractJson.MAPPER.writeValueAsBytes(event);
    }

    /**
     * @return the change; empty for a program event of another type
     * @throws InvalidEventException when the record is no JSON, or a change without what consumers act on
     */
    public Optional<CloudEvent<ProgramChanged>> decode(byte[] raw) {
        JsonNode event = ContractJson.readEvent(parser, raw);
        if (!ProgramChanged.TYPE.equals(event.path("type").asString(""))) {
            return Optional.empty();
        }
        JsonNode data = event.path("data");
        Identifiers.require("id", event.path("id").asString(""));
        Identifiers.require("data.clinicId", data.path("clinicId").asString(""));
        Identifiers.require("data.patientId", data.path("patientId").asString(""));
        if (!data.path("version").isIntegralNumber() || data.path("version").asLong() < 1) {
            throw invalid("data.version", "must be a whole number of 1 or more");
        }
        if (Stage.onLadderNamed(data.path("stage").asString("")).isEmpty()) {
            throw invalid("data.stage", "must be one of " + Stage.ladderNames());
        }
        JsonNode start = data.path("monitoringStart");
        if (!start.isMissingNode() && !start.isNull()) {
            try {
                java.time.LocalDate.parse(start.isString() ? start.asString() : "");
            } catch (java.time.DateTimeException e) {
                throw invalid("data.monitoringStart", "must be a date (yyyy-MM-dd) or absent");
            }
        }
        return Optional.of(ContractJson.convert(event, CHANGED));
    }
}
