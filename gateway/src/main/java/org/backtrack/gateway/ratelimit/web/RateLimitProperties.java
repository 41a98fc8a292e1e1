package org.backtrack.gateway.ratelimit.web;

import org.backtrack.gateway.ratelimit.Quota;
import org.backtrack.gateway.ratelimit.QuotaKind;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code backtrack.gateway.rate-limit.*}: one quota per kind of caller, and how many callers each quota remembers.
 *
 * @param person    per person (a token's subject, a signed-in dashboard user)
 * @param client    per machine client (client credentials): the service-client quota integrations and the demo
 *                  seeder use
 * @param clinic    per clinic, on top of the person or client quota: all of a clinic's callers together
 * @param anonymous per remote address (an IPv6 /64), for requests without credentials or with credentials that do
 *                  not verify
 * @param maxKeys   buckets each quota keeps at most; past it single idle-looking entries are evicted
 */
@ConfigurationProperties("backtrack.gateway.rate-limit")
record RateLimitProperties(Quota person, Quota client, Quota clinic, Quota anonymous, long maxKeys) {

    RateLimitProperties {
        if (person == null || client == null || clinic == null || anonymous == null || maxKeys < 1) {
            throw new IllegalArgumentException("backtrack.gateway.rate-limit needs person, client, clinic and anonymous "
                    + "quotas (per-second, burst) and max-keys >= 1");
        }
    }

    Map<QuotaKind, Quota> quotas() {
        Map<QuotaKind, Quota> quotas = new EnumMap<>(QuotaKind.class);
        quotas.put(QuotaKind.PERSON, person);
        quotas.put(QuotaKind.CLIENT, client);
        quotas.put(QuotaKind.CLINIC, clinic);
        quotas.put(QuotaKind.ANONYMOUS, anonymous);
        return quotas;
    }
}
