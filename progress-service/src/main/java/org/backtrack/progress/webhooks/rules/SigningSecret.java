package org.backtrack.progress.webhooks.rules;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A webhook's signing secret as Standard Webhooks writes it: {@code whsec_} and the base64 of {@value #BYTES} random
 * bytes from {@link SecureRandom}. The receiver signs with the decoded bytes, never with the text.
 */
public final class SigningSecret {

    public static final String PREFIX = "whsec_";
    /** Random bytes per secret (Standard Webhooks asks for 24 to 64). */
    public static final int BYTES = 32;

    private SigningSecret() {
    }

    public static String generate(SecureRandom random) {
        byte[] key = new byte[BYTES];
        random.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The key bytes of a secret, with or without its prefix. */
    public static byte[] keyOf(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        byte[] key = Base64.getDecoder().decode(encoded);
        if (key.length == 0) {
            throw new IllegalArgumentException("a signing secret cannot be empty");
        }
        return key;
    }
}
