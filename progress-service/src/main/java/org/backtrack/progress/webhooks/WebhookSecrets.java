package org.backtrack.progress.webhooks;

import org.backtrack.progress.webhooks.rules.SigningSecret;

import lombok.RequiredArgsConstructor;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Signing secrets: made from {@link SecureRandom}, shown once, stored only encrypted ({@link SecretCipher}). A rotation
 * puts a new secret first and keeps the previous one signing for {@code rotationGrace} (default 24 h; each delivery then
 * carries both signatures), so receivers can switch without losing a delivery; an older one is dropped.
 */
@RequiredArgsConstructor
final class WebhookSecrets {

    private final SecretCipher cipher;
    private final SecureRandom random;
    private final Duration rotationGrace;

    /** A new secret in clear (to be shown once) and as stored. */
    record Issued(String secret, StoredSubscription.Secret stored) {
    }

    Issued issue(String subscriptionId, Instant now) {
        String secret = SigningSecret.generate(random);
        return new Issued(secret, new StoredSubscription.Secret(cipher.encrypt(secret, subscriptionId), now, null));
    }

    /** The secrets after a rotation: the new one, then the current one until the grace ends; expired ones dropped. */
    List<StoredSubscription.Secret> rotated(StoredSubscription subscription, StoredSubscription.Secret fresh, Instant now) {
        List<StoredSubscription.Secret> secrets = new ArrayList<>();
        secrets.add(fresh);
        subscription.secrets().stream().filter(s -> subscription.signsWith(s, now)).findFirst()
                .filter(current -> !rotationGrace.isZero())
                .ifPresent(current -> secrets.add(new StoredSubscription.Secret(current.encrypted(), current.createdAt(), now.plus(rotationGrace))));
        return secrets;
    }

    Instant graceEnd(Instant now) {
        return now.plus(rotationGrace);
    }

    /** The keys a delivery is signed with now: every secret not expired, newest first. */
    List<byte[]> signingKeys(StoredSubscription subscription, Instant now) {
        return subscription.secrets().stream().filter(s -> subscription.signsWith(s, now))
                .map(s -> SigningSecret.keyOf(cipher.decrypt(s.encrypted(), subscription.id()))).toList();
    }
}
