package org.backtrack.progress.webhooks;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts signing secrets at rest: AES-256-GCM under {@code backtrack.webhooks.encryption-key}, a fresh 12-byte nonce
 * per secret, the subscription's id as associated data (a ciphertext copied to another subscription does not decrypt).
 * Stored as base64 of nonce and ciphertext with its tag.
 */
final class SecretCipher {

    static final String PROPERTY = "backtrack.webhooks.encryption-key";
    /** Marks the demo's published key; {@code DemoOnlySecrets} refuses it outside the demo profile. */
    static final String DEMO_PREFIX = "dev-";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    SecretCipher(String configured, SecureRandom random) {
        this.random = random;
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException(PROPERTY + " is not set: give the base64 of 32 random bytes "
                    + "(e.g. `openssl rand -base64 32`) to encrypt webhook signing secrets at rest");
        }
        String encoded = configured.strip();
        if (encoded.startsWith(DEMO_PREFIX)) {
            encoded = encoded.substring(DEMO_PREFIX.length());
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + " must be base64 of 32 bytes");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(PROPERTY + " must be base64 of 32 bytes, not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    String encrypt(String secret, String subscriptionId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    String decrypt(String stored, String subscriptionId) {
        byte[] all = Base64.getDecoder().decode(stored);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a webhook signing secret does not decrypt under " + PROPERTY
                    + " (the key changed?)", e);
        }
    }
}
