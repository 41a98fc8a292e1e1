package org.backtrack.progress.ingress;

import org.backtrack.events.InvalidEventException;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.Topics;
import org.backtrack.events.Violation;

import java.util.List;

/**
 * May a record on an ingress topic speak for the clinic it names? Only the clinic whose topic it is: the broker
 * let no one else write there (SASL/SCRAM principal {@code integration-<clinicId>} with an ACL on that topic alone),
 * so the topic is the authenticated clinic and the payload's {@code clinicId} a mere claim that must agree.
 */
public final class IngressClinicRule {

    private IngressClinicRule() {
    }

    /** @throws InvalidEventException naming {@code data.clinicId} when the record speaks for another clinic */
    public static void requireOwnClinic(String topic, SessionCompleted session) {
        String clinic = Topics.clinicOfIngress(topic).orElseThrow(() -> new InvalidEventException(
                List.of(new Violation("$", "arrived on a topic that is not a clinic's ingress topic"))));
        if (!clinic.equals(session.clinicId())) {
            throw new InvalidEventException(List.of(new Violation("data.clinicId",
                    "must be " + clinic + ", the clinic this ingress topic belongs to")));
        }
    }
}
