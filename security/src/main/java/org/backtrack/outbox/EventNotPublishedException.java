package org.backtrack.outbox;

/** The broker did not acknowledge the event within the publish timeout; the document keeps owing it. */
public class EventNotPublishedException extends RuntimeException {

    public EventNotPublishedException(Throwable cause) {
        super("the event was not acknowledged by Kafka in time", cause);
    }
}
