package org.backtrack.gateway.ratelimit;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;

/** The quotas a request can count against; {@link #settingName()} is how settings and 429 answers name them. */
@Getter
@Accessors(fluent = true)
@RequiredArgsConstructor
public enum QuotaKind {
    /** A person: a bearer token's subject, or the signed-in dashboard user. */
    PERSON("person"),
    /** A machine client (client credentials): an integration, the demo seeder. */
    CLIENT("client"),
    /** Everything a clinic's people and clients send together. */
    CLINIC("clinic"),
    /** No or unverifiable credentials: the remote address. */
    ANONYMOUS("anonymous");

    private final String settingName;
}
