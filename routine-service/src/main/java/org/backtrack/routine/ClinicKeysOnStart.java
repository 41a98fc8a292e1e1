package org.backtrack.routine;

import org.backtrack.routine.programs.PatientProgram;
import org.backtrack.routine.sessions.LoggedSession;
import org.backtrack.security.ClinicKeyMigration;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Moves sessions and programs stored under bare ids (before a patient was (clinicId, patientId) and a session
 * (clinicId, sessionId)) to clinic keys, once. It runs when every singleton is ready, which is before the Kafka
 * listeners, the session relay and the HTTP server start, so none of them meets an old key. Routines keep their
 * UUIDs; the old {@code patient_owners} collection is no longer read and is left as it is.
 */
@Component
@RequiredArgsConstructor
class ClinicKeysOnStart implements SmartInitializingSingleton {

    private final MongoOperations mongo;

    @Override
    public void afterSingletonsInstantiated() {
        ClinicKeyMigration.rekey(mongo, mongo.getCollectionName(LoggedSession.class), "sessionId");
        ClinicKeyMigration.rekey(mongo, mongo.getCollectionName(PatientProgram.class), "patientId");
    }
}
