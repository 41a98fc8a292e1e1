package org.backtrack.progress.webhooks;

import org.backtrack.progress.webhooks.rules.SigningSecret;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing secrets at rest: AES-GCM bound to their subscription, and what a rotation keeps. */
class SecretCipherTest {

    static final String KEY = "q2cMRo8m7y0TKi5Tq8nD2p3nq0oG0a7bHk3k9cJvJ0s=";
    static final SecureRandom RANDOM = new SecureRandom();
    static final Instant T = Instant.parse("2026-12-02T05:00:00Z");

    @Test
    void aSecretDecryptsOnlyForItsSubscriptionAndUnderItsKey() {
        SecretCipher cipher = new SecretCipher(KEY, RANDOM);
        String secret = SigningSecret.generate(RANDOM);
        String stored = cipher.encrypt(secret, "wh_1");
        assertThat(stored).doesNotContain(secret.substring(6, 20));
        assertThat(cipher.encrypt(secret, "wh_1")).as("a fresh nonce each time").isNotEqualTo(stored);
        assertThat(cipher.decrypt(stored, "wh_1")).isEqualTo(secret);
        assertThatThrownBy(() -> cipher.decrypt(stored, "wh_2")).isInstanceOf(IllegalStateException.class);
        byte[] other = new byte[32];
        RANDOM.nextBytes(other);
        assertThatThrownBy(() -> new SecretCipher(Base64.getEncoder().encodeToString(other), RANDOM).decrypt(stored, "wh_1"))
                .hasMessageContaining("does not decrypt");
    }

    @Test
    void theKeyMustBeBase64Of32BytesAndTheDemoPrefixIsAccepted() {
        assertThatThrownBy(() -> new SecretCipher("", RANDOM)).hasMessageContaining("backtrack.webhooks.encryption-key is not set");
        assertThatThrownBy(() -> new SecretCipher(null, RANDOM)).hasMessageContaining("is not set");
        assertThatThrownBy(() -> new SecretCipher("not base64!", RANDOM)).hasMessageContaining("base64 of 32 bytes");
        assertThatThrownBy(() -> new SecretCipher(Base64.getEncoder().encodeToString(new byte[16]), RANDOM)).hasMessageContaining("not 16");
        String stored = new SecretCipher("dev-" + KEY, RANDOM).encrypt("whsec_x", "wh_1");
        assertThat(new SecretCipher(KEY, RANDOM).decrypt(stored, "wh_1")).isEqualTo("whsec_x");
    }

    @Test
    void aRotationSignsWithTheNewAndThePreviousSecretUntilTheGraceEnds() {
        WebhookSecrets secrets = new WebhookSecrets(new SecretCipher(KEY, RANDOM), RANDOM, Duration.ofHours(24));
        WebhookSecrets.Issued first = secrets.issue("wh_1", T);
        StoredSubscription subscription = subscription(List.of(first.stored()));
        assertThat(secrets.signingKeys(subscription, T)).containsExactly(SigningSecret.keyOf(first.secret()));

        WebhookSecrets.Issued second = secrets.issue("wh_1", T.plusSeconds(60));
        List<StoredSubscription.Secret> rotated = secrets.rotated(subscription, second.stored(), T.plusSeconds(60));
        StoredSubscription after = subscription(rotated);
        assertThat(rotated.get(1).expiresAt()).isEqualTo(T.plusSeconds(60).plus(Duration.ofHours(24)));
        assertThat(secrets.signingKeys(after, T.plusSeconds(120)))
                .containsExactly(SigningSecret.keyOf(second.secret()), SigningSecret.keyOf(first.secret()));
        assertThat(secrets.signingKeys(after, T.plus(Duration.ofHours(25)))).containsExactly(SigningSecret.keyOf(second.secret()));

        // a third rotation drops the oldest: at most the current and the previous secret
        WebhookSecrets.Issued third = secrets.issue("wh_1", T.plusSeconds(180));
        assertThat(secrets.rotated(after, third.stored(), T.plusSeconds(180))).hasSize(2);
    }

    static StoredSubscription subscription(List<StoredSubscription.Secret> secrets) {
        return new StoredSubscription("clinic-1/wh_1", "wh_1", "clinic-1", "https://example.com/", List.of("t"), null, true, null,
                null, secrets, T, T, null, 0, null, null, null);
    }
}
