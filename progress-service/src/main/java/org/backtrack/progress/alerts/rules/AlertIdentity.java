package org.backtrack.progress.alerts.rules;

import org.backtrack.events.AlertType;
import org.backtrack.events.Identifiers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Who an alert is: (clinic, patient, type, episode). The same facts always give the same identity, so replays,
 * redeliveries and several instances that raise "the same" alert meet on one stored record (insert-if-absent on
 * {@link #alertId()}), without locks.
 *
 * @param episode what the alert is about within its type: {@link #ofSession} for a sign of a session, {@link #after}
 *                for an absence after the session at that instant
 */
public record AlertIdentity(String clinicId, String patientId, AlertType type, String episode) {

    static final String PREFIX = "a-";
    /** Hex digits of SHA-256 kept: 96 bits, so two episodes of one clinic never meet by chance. */
    static final int HEX_DIGITS = 24;

    public AlertIdentity {
        Identifiers.require("clinicId", clinicId);
        Identifiers.require("patientId", patientId);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(episode, "episode");
    }

    /** The episode of a sign reported in (or a status reached with) one session. */
    public static String ofSession(String sessionId) {
        return "session:" + Identifiers.require("sessionId", sessionId);
    }

    /** The episode of an absence: the completion time of the last session before it. */
    public static String after(Instant lastSessionAt) {
        return "after:" + lastSessionAt;
    }

    /**
     * The alert's public id: short, an {@link Identifiers identifier} (it travels in paths), and the same for the same
     * (clinic, patient, type, episode). The parts are joined with {@code /}, which no identifier holds, so two
     * different tuples never join to the same text.
     */
    public String alertId() {
        String key = String.join("/", clinicId, patientId, type.name(), episode);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
