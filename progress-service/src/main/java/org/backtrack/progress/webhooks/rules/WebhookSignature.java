package org.backtrack.progress.webhooks.rules;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Standard Webhooks signature of a delivery: {@code v1,} and the base64 HMAC-SHA256, under the secret's decoded
 * bytes, of {@code <webhook-id>.<webhook-timestamp>.<body>}. The {@code webhook-signature} header holds one such
 * signature per valid secret, separated by spaces, so a receiver still holding the previous secret after a rotation
 * verifies too.
 */
public final class WebhookSignature {

    public static final String VERSION = "v1";

    private WebhookSignature() {
    }

    /** @param timestamp the {@code webhook-timestamp}: seconds since the epoch */
    public static String sign(byte[] key, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return VERSION + "," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The {@code webhook-signature} header: a signature under each key, newest secret first. */
    public static String header(List<byte[]> keys, String id, long timestamp, String body) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a delivery is signed with at least one secret");
        }
        return keys.stream().map(key -> sign(key, id, timestamp, body)).collect(Collectors.joining(" "));
    }
}
