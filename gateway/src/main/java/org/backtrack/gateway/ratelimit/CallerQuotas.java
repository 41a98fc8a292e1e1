package org.backtrack.gateway.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Decides which quotas a request counts against, from what the gateway verified about its caller: a person or a
 * machine client (and its clinic on top) for a verified token or a signed-in session, the remote address otherwise.
 * Nothing the caller can make up on its own (an unverified token, a made-up cookie) ever opens a quota of its own.
 */
public final class CallerQuotas {

    /** Claim names as the services read them ({@code org.backtrack.security.TokenClaims}) and RFC 9068 defines them. */
    static final String SUBJECT = "sub";
    static final String CLIENT_ID = "client_id";
    static final String AUTHORIZED_PARTY = "azp";
    public static final String CLINIC_ID = "clinic_id";
    static final String ROLES = "roles";
    /** BackTrack's role for machine clients ({@code org.backtrack.security.Role.INTEGRATION}). */
    static final String INTEGRATION_ROLE = "INTEGRATION";
    /** IPv6 hosts usually own a whole /64, so they are counted by it; otherwise one host could pick endless addresses. */
    static final int IPV6_PREFIX_BYTES = 8;

    private CallerQuotas() {
    }

    /**
     * The claims of a token whose signature, issuer and expiry were verified. A machine client is one with BackTrack's
     * INTEGRATION role, or whose subject is its client id (client credentials, RFC 9068); it is counted by its client
     * id ({@code client_id}, else {@code azp}, else {@code sub}). Anyone else is a person, counted by subject.
     */
    public static List<Charge> ofToken(Map<String, Object> claims, String remoteAddress) {
        String subject = text(claims.get(SUBJECT));
        String clientId = firstText(claims.get(CLIENT_ID), claims.get(AUTHORIZED_PARTY));
        boolean machine = roles(claims.get(ROLES)).contains(INTEGRATION_ROLE)
                || (subject != null && subject.equals(clientId));
        List<Charge> charges = new ArrayList<>(2);
        if (machine && (clientId != null || subject != null)) {
            charges.add(new Charge(QuotaKind.CLIENT, clientId != null ? clientId : subject));
        } else if (subject != null) {
            charges.add(new Charge(QuotaKind.PERSON, subject));
        } else {
            return ofAddress(remoteAddress); // a verified token naming nobody identifies nobody
        }
        addClinic(charges, claims.get(CLINIC_ID));
        return List.copyOf(charges);
    }

    /** A dashboard user signed in through the gateway's own login: the session's principal (its subject). */
    public static List<Charge> ofSession(String principal, Object clinicId, String remoteAddress) {
        if (principal == null || principal.isBlank()) {
            return ofAddress(remoteAddress);
        }
        List<Charge> charges = new ArrayList<>(2);
        charges.add(new Charge(QuotaKind.PERSON, principal));
        addClinic(charges, clinicId);
        return List.copyOf(charges);
    }

    /** No credentials, or credentials that did not verify: the address the connection came from. */
    public static List<Charge> ofAddress(String remoteAddress) {
        return List.of(new Charge(QuotaKind.ANONYMOUS, addressKey(remoteAddress)));
    }

    static String addressKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isEmpty()) {
            return "unknown";
        }
        if (remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            // a literal from the servlet container: parsed, never looked up
            InetAddress address = InetAddress.getByName(remoteAddress);
            if (address instanceof Inet6Address) {
                return HexFormat.of().formatHex(Arrays.copyOf(address.getAddress(), IPV6_PREFIX_BYTES)) + "::/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException notALiteral) {
            return remoteAddress;
        }
    }

    private static void addClinic(List<Charge> charges, Object clinicId) {
        String clinic = text(clinicId);
        if (clinic != null) {
            charges.add(new Charge(QuotaKind.CLINIC, clinic));
        }
    }

    private static Collection<String> roles(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String value) {
            return Arrays.asList(value.split("[\\s,]+"));
        }
        return List.of();
    }

    private static String firstText(Object... values) {
        for (Object value : values) {
            String text = text(value);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }
}
