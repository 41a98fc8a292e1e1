package org.backtrack.progress.programs.rules;

import org.backtrack.events.CloudEvent;
import org.backtrack.events.InvalidEventException;
import org.backtrack.events.ProgramChanged;
import org.backtrack.events.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * May a {@code backtrack.programs} record speak for the clinic and patient it names? Programs are routine-service's:
 * the broker lets only its principal write the topic (Kafka ACLs, devstack's {@code KafkaAccess}), which makes the
 * clinic the record carries authentic, and the contract fixes what the record says about its producer and patient.
 * A record is taken only when all of it agrees: the CloudEvents {@code source} is routine-service's
 * ({@value #ROUTINE_SERVICE}), and the record key and the {@code subject} are both the {@code data.patientId}. Anything
 * else is a record that claims a clinic's patient without coming from the one producer that may, and is refused
 * naming the field (it is dead-lettered with that reason, never applied).
 */
public final class ProgramEventOrigin {

    /** The CloudEvents source of routine-service, the only producer of program changes. */
    public static final String ROUTINE_SERVICE = "/routine-service";

    private ProgramEventOrigin() {
    }

    /** @throws InvalidEventException naming each field that disagrees */
    public static void require(CloudEvent<ProgramChanged> event, String recordKey) {
        List<Violation> violations = new ArrayList<>();
        if (!ROUTINE_SERVICE.equals(event.source())) {
            violations.add(new Violation("source", "must be " + ROUTINE_SERVICE + ": only routine-service publishes programs"));
        }
        String patientId = event.data().patientId();
        if (!Objects.equals(event.subject(), patientId)) {
            violations.add(new Violation("subject", "must be the patient of data.patientId"));
        }
        if (!Objects.equals(recordKey, patientId)) {
            violations.add(new Violation("key", "the record key must be the patient of data.patientId"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidEventException(violations);
        }
    }
}
