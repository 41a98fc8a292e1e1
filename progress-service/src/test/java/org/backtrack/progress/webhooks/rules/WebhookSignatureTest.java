package org.backtrack.progress.webhooks.rules;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Standard Webhooks signature, checked against the specification's published test vector. */
class WebhookSignatureTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330;
    static final String BODY = "{\"test\": 2432232314}";

    @Test
    void theStandardWebhooksTestVectorSignsAsPublished() {
        assertThat(WebhookSignature.sign(SigningSecret.keyOf(SECRET), ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theHeaderCarriesOneSignaturePerSecretNewestFirstSeparatedBySpaces() {
        byte[] fresh = SigningSecret.keyOf(SigningSecret.generate(new SecureRandom()));
        byte[] previous = SigningSecret.keyOf(SECRET);
        String header = WebhookSignature.header(List.of(fresh, previous), ID, TIMESTAMP, BODY);
        assertThat(header.split(" ")).containsExactly(WebhookSignature.sign(fresh, ID, TIMESTAMP, BODY),
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThatThrownBy(() -> WebhookSignature.header(List.of(), ID, TIMESTAMP, BODY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anyChangeOfIdTimestampOrBodyChangesTheSignature() {
        byte[] key = SigningSecret.keyOf(SECRET);
        String signed = WebhookSignature.sign(key, ID, TIMESTAMP, BODY);
        assertThat(WebhookSignature.sign(key, ID + "x", TIMESTAMP, BODY)).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign(key, ID, TIMESTAMP + 1, BODY)).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign(key, ID, TIMESTAMP, BODY + " ")).isNotEqualTo(signed);
    }

    @Test
    void aSecretIsWhsecAndTheBase64Of32RandomBytesEachTimeNew() {
        SecureRandom random = new SecureRandom();
        String one = SigningSecret.generate(random);
        assertThat(one).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(one.substring(6))).hasSize(32);
        assertThat(SigningSecret.keyOf(one)).hasSize(32);
        assertThat(SigningSecret.generate(random)).isNotEqualTo(one);
    }

    @Test
    void aDeliveryIdIsStablePerSubscriptionAndEventAndAValidIdentifier() {
        String id = DeliveryIdentity.of("wh_1", "event-1");
        assertThat(id).isEqualTo(DeliveryIdentity.of("wh_1", "event-1")).startsWith("msg_").matches("msg_[0-9a-f]{32}");
        assertThat(DeliveryIdentity.of("wh_2", "event-1")).isNotEqualTo(id);
        assertThat(DeliveryIdentity.of("wh_1", "event-2")).isNotEqualTo(id);
    }
}
