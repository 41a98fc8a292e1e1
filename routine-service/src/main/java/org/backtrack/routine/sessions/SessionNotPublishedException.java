package org.backtrack.routine.sessions;

/** The broker did not acknowledge the event in time; the session stays stored, pending publication. */
public class SessionNotPublishedException extends RuntimeException {

    SessionNotPublishedException(Throwable cause) {
        super("the session event could not be published to Kafka", cause);
    }
}
