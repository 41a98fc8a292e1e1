package org.backtrack.progress.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * FHIR resource ids from BackTrack ids. A FHIR id is at most 64 letters, digits, {@code -} and {@code .}; BackTrack's
 * identifiers may also hold {@code _ : @} and be 128 long. An id that fits (with room for a suffix) is used as it
 * is, readable; any other becomes {@code h} and 32 hex digits of its SHA-256, the same every time.
 */
final class ResourceIds {

    private static final Pattern FITS = Pattern.compile("[A-Za-z0-9.-]{1,40}");

    private ResourceIds() {
    }

    static String of(String backtrackId) {
        if (FITS.matcher(backtrackId).matches()) {
            return backtrackId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(backtrackId.getBytes(StandardCharsets.UTF_8));
            return "h" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
