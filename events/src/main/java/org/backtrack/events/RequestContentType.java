package org.backtrack.events;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which request Content-Types BackTrack refuses at the door (415) rather than let Spring MVC fail on them with a 500:
 * multipart (the multipart resolver parses such bodies eagerly, and no BackTrack operation takes one) and a media range
 * with a wildcard, such as {@code *}{@code /*} (Spring's request headers refuse a wildcard Content-Type once they add
 * the request's charset to it). A malformed type is not refused here: the service refuses it itself (415). The rule of
 * both the gateway and every service, in plain Java so both can hold it; it reads a type as Spring's media type parser
 * does (a unit test in {@code security} compares the two).
 */
public final class RequestContentType {

    /** What a refused request is told. */
    public static final String REFUSAL = "Request bodies are JSON: send Content-Type: application/json.";

    private static final String SEPARATORS = "()<>@,;:\\\"/[]?={} \t";

    private RequestContentType() {
    }

    /** @param contentType the request's Content-Type header; null when it has none (never refused) */
    public static boolean refused(String contentType) {
        if (contentType == null) {
            return false;
        }
        if (contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return true; // as Spring's multipart resolver tells, before any parsing
        }
        List<String> parts = splitOutsideQuotes(contentType);
        String fullType = parts.get(0).strip();
        if ("*".equals(fullType)) {
            fullType = "*/*";
        }
        int slash = fullType.indexOf('/');
        if (slash <= 0 || slash == fullType.length() - 1) {
            return false;
        }
        String type = fullType.substring(0, slash);
        String subtype = fullType.substring(slash + 1);
        boolean wildcard = "*".equals(type) || "*".equals(subtype) || subtype.startsWith("*+");
        return wildcard && !("*".equals(type) && !"*".equals(subtype)) && isToken(type) && isToken(subtype)
                && parametersAreWellFormed(parts.subList(1, parts.size()));
    }

    private static boolean parametersAreWellFormed(List<String> parameters) {
        for (String parameter : parameters) {
            int eq = parameter.indexOf('=');
            if (eq < 0) {
                continue; // a parameter without a value is passed over, as Spring does
            }
            String name = parameter.substring(0, eq).strip();
            String value = parameter.substring(eq + 1).strip();
            boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"));
            if (!isToken(name) || !(quoted || isToken(value))) {
                return false;
            }
            if (name.equalsIgnoreCase("charset") && !knownCharset(quoted ? value.substring(1, value.length() - 1) : value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean knownCharset(String name) {
        try {
            Charset.forName(name);
            return true;
        } catch (IllegalArgumentException unknownOrIllegal) {
            return false;
        }
    }

    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (char c : text.toCharArray()) {
            if (c < 32 || c >= 127 || SEPARATORS.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static List<String> splitOutsideQuotes(String contentType) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < contentType.length(); i++) {
            char c = contentType.charAt(i);
            if (c == '"' && (i == 0 || contentType.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                parts.add(contentType.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(contentType.substring(start));
        return parts;
    }
}
