package org.backtrack.progress.webhooks.rules;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which URLs a webhook may target. An absolute {@code https} URL of at most {@value #MAX_LENGTH} characters, with a
 * host, no user information and no fragment, whose host resolves only to public unicast addresses
 * ({@link AddressPolicy}). Hosts in the allowlist ({@code backtrack.webhooks.allowed-hosts}, e.g. {@code 127.0.0.1}
 * and {@code localhost} for local tests and the embedded default) may also use {@code http} and resolve to any
 * address. The same check runs again at every connection, on the addresses the connection then uses
 * ({@link #addressesFor}), so a name that later resolves elsewhere (DNS rebinding) is refused at send time.
 */
public final class EndpointUrlPolicy {

    public static final int MAX_LENGTH = 2048;

    /** Resolves a host name to its addresses (the system resolver in production, a fixed table in tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL that may not be a webhook's target; the message says why, for the problem naming {@code url}. */
    public static final class RefusedUrlException extends RuntimeException {
        public RefusedUrlException(String message) {
            super(message);
        }
    }

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public EndpointUrlPolicy(Set<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(EndpointUrlPolicy::normalHost).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    public boolean allowlisted(String host) {
        return allowedHosts.contains(normalHost(host));
    }

    /**
     * @return the URL, parsed, when a webhook may target it now
     * @throws RefusedUrlException why not
     */
    public URI check(String url) {
        URI uri = parse(url);
        addressesFor(uri.getHost());
        return uri;
    }

    /** The form checks only (no resolution). */
    public URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new RefusedUrlException("is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw new RefusedUrlException("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedUrlException("is not a valid URL");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new RefusedUrlException("must be an absolute https URL");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new RefusedUrlException("must not contain user information");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedUrlException("must name a host");
        }
        if (numericButNotCanonical(uri.getHost())) {
            throw new RefusedUrlException("must name its host by name or as a dotted-quad IPv4 or bracketed IPv6 address");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedUrlException("must not contain a fragment");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new RefusedUrlException("must name a port from 1 to 65535");
        }
        if (scheme.equals("http") && !allowlisted(uri.getHost())) {
            throw new RefusedUrlException("must use https (plain http only for the allowlisted hosts of local tests)");
        }
        return uri;
    }

    /**
     * The addresses a connection to {@code host} may use, resolved once: every address the name has must be allowed,
     * else none is used (a name with one private address among public ones is refused).
     *
     * @throws RefusedUrlException when the host does not resolve or resolves to a refused address
     */
    public List<InetAddress> addressesFor(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(stripBrackets(host));
        } catch (UnknownHostException | RuntimeException e) { // a name no resolver takes counts as unresolvable
            throw new RefusedUrlException("names a host that does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new RefusedUrlException("names a host that does not resolve");
        }
        if (!allowlisted(host)) {
            for (InetAddress address : addresses) {
                Optional<String> refused = AddressPolicy.refusal(address);
                if (refused.isPresent()) {
                    throw new RefusedUrlException("names a host that resolves to an address that " + refused.get()
                            + " (only public addresses may receive webhooks)");
                }
            }
        }
        return List.of(addresses);
    }

    private static final java.util.regex.Pattern NUMERIC_LABEL = java.util.regex.Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
    private static final java.util.regex.Pattern DOTTED_QUAD = java.util.regex.Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    /**
     * A host written as a number in a form resolvers disagree on (decimal {@code 2130706433}, octal {@code 0177.0.0.1},
     * hex {@code 0x7f.1}, short {@code 127.1}): refused, so what is checked is what every client would connect to.
     */
    static boolean numericButNotCanonical(String host) {
        String[] labels = host.split("\\.", -1);
        boolean numeric = java.util.Arrays.stream(labels).allMatch(label -> NUMERIC_LABEL.matcher(label).matches());
        return numeric && !DOTTED_QUAD.matcher(host).matches();
    }

    private static String normalHost(String host) {
        return stripBrackets(host).toLowerCase(Locale.ROOT);
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
