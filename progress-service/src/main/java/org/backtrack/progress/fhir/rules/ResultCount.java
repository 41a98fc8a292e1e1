package org.backtrack.progress.fhir.rules;

/**
 * How many matches a page of a FHIR search holds ({@code _count}): {@value #DEFAULT} unless asked, at most
 * {@value #MAX}. As FHIR lets a server do, a larger request is served with {@value #MAX} (the page's {@code self} link
 * shows the count used); anything that is not a whole number from 1 up is refused.
 */
public final class ResultCount {

    public static final String PARAMETER = "_count";
    public static final int DEFAULT = 50;
    public static final int MAX = 200;

    private ResultCount() {
    }

    /** @throws InvalidSearchException naming {@code _count} for a value that is not a whole number from 1 up */
    public static int of(String requested) {
        if (requested == null) {
            return DEFAULT;
        }
        if (requested.isEmpty() || requested.length() > 64 || !requested.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidSearchException(PARAMETER, "must be a whole number from 1 to " + MAX);
        }
        String digits = requested.replaceFirst("^0+", "");
        if (digits.isEmpty()) {
            throw new InvalidSearchException(PARAMETER, "must be a whole number from 1 to " + MAX);
        }
        return digits.length() > 3 ? MAX : Math.min(MAX, Integer.parseInt(digits));
    }
}
