package org.backtrack.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key progress-service encrypts webhook signing secrets with in the embedded default: 32 random bytes made once per
 * data directory ({@value #FILE}, readable by its owner only) and handed over in the environment, so stored secrets stay
 * readable across restarts and the key is never one published with BackTrack.
 */
final class WebhookSecretsKey {

    static final String FILE = "webhook-secrets.key";
    static final String VARIABLE = "BACKTRACK_WEBHOOKS_ENCRYPTIONKEY";

    private WebhookSecretsKey() {
    }

    static String of(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.createDirectories(dataDir);
            Files.writeString(file, encoded, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions apply
            }
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the webhook secrets key in " + file, e);
        }
    }
}
