package org.backtrack.events;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a dead letter keeps of the record it stands for, so that it always fits its topic
 * ({@link Topics#MAX_MESSAGE_BYTES}) whatever arrived: the value whole up to {@link #MAX_VALUE_BYTES} (the largest
 * event the contract accepts, so a rejected event can be fixed and sent again as it was), else its first
 * {@link #MAX_VALUE_BYTES} bytes with the size and SHA-256 of the original; the key up to {@link #MAX_KEY_BYTES}; the
 * record's own headers up to {@link #MAX_ORIGINAL_HEADER_BYTES} in all; the reason and the exception message up to
 * {@link #MAX_TEXT_BYTES} each, and no stack trace.
 */
public final class DeadLetterContent {

    /** Why the record was dead-lettered, in words (e.g. which field broke which rule). */
    public static final String REASON_HEADER = "backtrack-dlt-reason";
    /** Size of the original value in bytes (decimal). */
    public static final String ORIGINAL_BYTES_HEADER = "backtrack-dlt-original-bytes";
    /** SHA-256 of the original value, lower-case hex: identifies the original when only an excerpt is kept. */
    public static final String ORIGINAL_SHA256_HEADER = "backtrack-dlt-original-sha256";
    /** {@code true} when the value is an excerpt (its first {@link #MAX_VALUE_BYTES} bytes). */
    public static final String TRUNCATED_HEADER = "backtrack-dlt-truncated";
    /** How many of the original record's headers were left out to stay within {@link #MAX_ORIGINAL_HEADER_BYTES}. */
    public static final String HEADERS_DROPPED_HEADER = "backtrack-dlt-headers-dropped";
    /** Prefixes of the headers a dead letter adds (BackTrack's and spring-kafka's); an original header with one is dropped. */
    public static final String OWN_HEADER_PREFIX = "backtrack-dlt-";
    public static final String SPRING_HEADER_PREFIX = "kafka_dlt-";

    public static final int MAX_VALUE_BYTES = SessionEventValidator.MAX_EVENT_BYTES;
    public static final int MAX_KEY_BYTES = 512;
    public static final int MAX_TEXT_BYTES = 1024;
    public static final int MAX_ORIGINAL_HEADER_BYTES = 4096;
    /** Every header a dead letter adds, names and values (four texts of {@link #MAX_TEXT_BYTES} and a few numbers). */
    public static final int MAX_ADDED_HEADER_BYTES = 8 * 1024;
    /** What a header costs beyond its name and value in a record (length varints), counted against the budgets. */
    public static final int HEADER_OVERHEAD_BYTES = 4;

    private static final String ELLIPSIS = "…";

    private DeadLetterContent() {
    }

    /** The value as it is, or its first {@link #MAX_VALUE_BYTES} bytes. */
    public static byte[] excerpt(byte[] value) {
        return value == null || value.length <= MAX_VALUE_BYTES ? value : Arrays.copyOf(value, MAX_VALUE_BYTES);
    }

    public static boolean truncates(byte[] value) {
        return value != null && value.length > MAX_VALUE_BYTES;
    }

    /** The key as it is, or its first {@link #MAX_KEY_BYTES} bytes (dead letters keep the partition, not the key's hash). */
    public static byte[] key(byte[] key) {
        return key == null || key.length <= MAX_KEY_BYTES ? key : Arrays.copyOf(key, MAX_KEY_BYTES);
    }

    /** UTF-8 of {@code text}, at most {@link #MAX_TEXT_BYTES}, cut on a character boundary and marked with an ellipsis. */
    public static byte[] text(String text) {
        return text(text, MAX_TEXT_BYTES);
    }

    static byte[] text(String text, int maxBytes) {
        String value = String.valueOf(text);
        byte[] whole = value.getBytes(StandardCharsets.UTF_8);
        if (whole.length <= maxBytes) {
            return whole;
        }
        byte[] ellipsis = ELLIPSIS.getBytes(StandardCharsets.UTF_8);
        // the encoder stops before a character that would not fit whole, so no character is cut in two
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer out = ByteBuffer.allocate(maxBytes - ellipsis.length);
        encoder.encode(CharBuffer.wrap(value), out, true);
        byte[] cut = Arrays.copyOf(out.array(), out.position() + ellipsis.length);
        System.arraycopy(ellipsis, 0, cut, out.position(), ellipsis.length);
        return cut;
    }

    /** Lower-case hex SHA-256 of the value (of nothing, for a record without value). */
    public static String sha256(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value == null ? new byte[0] : value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Whether a header of the original record has a name only dead letters may set. */
    public static boolean isDeadLetterHeader(String name) {
        return name.startsWith(OWN_HEADER_PREFIX) || name.startsWith(SPRING_HEADER_PREFIX);
    }
}
