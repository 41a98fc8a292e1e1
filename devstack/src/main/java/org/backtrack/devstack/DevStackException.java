package org.backtrack.devstack;

/** A start-up failure with a message meant for the person who ran the command. */
public class DevStackException extends RuntimeException {

    public DevStackException(String message) {
        super(message);
    }

    public DevStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
