package org.backtrack.gateway.ratelimit;

/** The quotas a request can count against; {@link #settingName()} is how settings and 429 answers name them. */
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

    QuotaKind(String settingName) {
        this.settingName = settingName;
    }

    public String settingName() {
        return settingName;
    }
}
