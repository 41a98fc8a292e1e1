package org.backtrack.paging;

import org.backtrack.problems.InvalidParameterException;
import jakarta.servlet.http.HttpServletRequest;
import org.backtrack.events.Identifiers;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Keyset paging, the same way in every service: a page is at most {@link #MAX_SIZE} items in a fixed order, and the
 * next page starts after the last item's sort key, carried in an opaque cursor. Unlike an offset, a cursor stays
 * right when items are added between two pages. The next page is announced in an RFC 8288 {@code Link} header
 * ({@code rel="next"}, a reference relative to the request, so it holds behind the gateway).
 */
public final class Paging {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    /** The query parameter that carries the cursor of a list's next page (the access log calls it {@code before}). */
    public static final String CURSOR = "cursor";
    /** How every newest-first list pages, for its OpenAPI description. */
    public static final String NEWEST_FIRST_PAGES = "At most `size` items a page (default " + DEFAULT_SIZE + ", 1 to " + MAX_SIZE
            + "). When older items exist, an RFC 8288 `Link: <...>; rel=\"next\"` header gives the URL of the next page; its "
            + "`cursor` holds the last item's position, so items added between two pages neither repeat nor hide one. A bad "
            + "size or cursor answers 400 naming it.";
    /** The OpenAPI description of a list's {@code Link} header. */
    public static final String LINK_TO_NEXT = "`<url>; rel=\"next\"` when more items follow";
    /** Cursors this API hands out are far shorter; a longer one is refused before it is decoded. */
    static final int MAX_CURSOR_LENGTH = 1024;
    private static final String VERSION = "1";
    private static final char SEPARATOR = '/';

    private Paging() {
    }

    /** What a paged read asks for: at most {@code size} items, after {@code after} (the cursor of the page before). */
    public record Request(int size, Optional<Cursor> after) {

        /**
         * From the {@code size} and {@code cursor} query parameters; a bad one is a 400 naming it.
         *
         * @param cursorParts how many parts the list's cursors hold (its sort key and the id)
         */
        public static Request of(Optional<String> size, Optional<String> cursor, int cursorParts) {
            return new Request(Paging.size("size", size.orElse(null)), Cursor.decode(CURSOR, cursor.orElse(null), cursorParts));
        }
    }

    /**
     * The {@code size} and {@code cursor} query parameters of a paged list, read and documented once: a handler takes
     * it as an argument marked {@code @ParameterObject}.
     */
    public record Query(@Parameter(description = "Items per page, 1 to " + MAX_SIZE + " (default " + DEFAULT_SIZE + ")") String size,
                        @Parameter(description = "Where the page starts: the cursor of the Link header") String cursor) {

        /** @throws InvalidParameterException naming {@code size} or {@code cursor} when either is not one this list gives */
        public Request request(int cursorParts) {
            return Request.of(Optional.ofNullable(size), Optional.ofNullable(cursor), cursorParts);
        }
    }

    /** A page as the answer: its items as the body, and an RFC 8288 {@code Link} to the next page when more follow. */
    public static <T> ResponseEntity<List<T>> answer(Page<T> page) {
        return ResponseEntity.ok().headers(linkToNext(page.next(), CURSOR)).body(page.items());
    }

    /** One page: its items and, when more follow, the cursor of the next. */
    public record Page<T>(List<T> items, Optional<Cursor> next) {
        public Page {
            items = List.copyOf(items);
        }

        /**
         * The page from a query that asked for one item more than {@code size}: that item only says a next page
         * exists, which starts after the last item kept.
         */
        public static <T> Page<T> of(List<T> fetched, int size, java.util.function.Function<T, Cursor> cursorOf) {
            if (fetched.size() <= size) {
                return new Page<>(fetched, Optional.empty());
            }
            List<T> kept = fetched.subList(0, size);
            return new Page<>(kept, Optional.of(cursorOf.apply(kept.get(size - 1))));
        }
    }

    /**
     * The sort key of the last item of a page. Its parts are instants, numbers or identifiers ({@link Identifiers}),
     * none of which holds {@code /}; it travels as base64url, and every part is checked again when it comes back.
     */
    public record Cursor(List<String> parts) {

        public Cursor {
            parts = List.copyOf(parts);
        }

        public static Cursor of(Object... parts) {
            List<String> strings = new ArrayList<>(parts.length);
            for (Object part : parts) {
                String text = String.valueOf(part);
                if (text.indexOf(SEPARATOR) >= 0) {
                    throw new IllegalArgumentException("a cursor part holds the separator");
                }
                strings.add(text);
            }
            return new Cursor(strings);
        }

        public String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (VERSION + SEPARATOR + String.join(String.valueOf(SEPARATOR), parts)).getBytes(StandardCharsets.UTF_8));
        }

        /**
         * @param field  the query parameter it came in, named in the 400 if it is not a cursor of this API
         * @param length how many parts a cursor of this list has
         */
        public static Optional<Cursor> decode(String field, String token, int length) {
            if (token == null || token.isEmpty()) {
                return Optional.empty();
            }
            if (token.length() > MAX_CURSOR_LENGTH) {
                throw invalid(field);
            }
            String text;
            try {
                text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalid(field);
            }
            List<String> parts = List.of(text.split(String.valueOf(SEPARATOR), -1));
            if (parts.size() != length + 1 || !parts.get(0).equals(VERSION)) {
                throw invalid(field);
            }
            return Optional.of(new Cursor(parts.subList(1, parts.size())));
        }

        public Instant instant(String field, int index) {
            try {
                Instant instant = Instant.parse(parts.get(index));
                if (!isStorable(instant)) {
                    throw invalid(field);
                }
                return instant;
            } catch (DateTimeException e) {
                throw invalid(field);
            }
        }

        public String identifier(String field, int index) {
            String part = parts.get(index);
            if (!Identifiers.isValid(part)) {
                throw invalid(field);
            }
            return part;
        }

        public int integer(String field, int index, int min, int max) {
            try {
                int value = Integer.parseInt(parts.get(index));
                if (value < min || value > max) {
                    throw invalid(field);
                }
                return value;
            } catch (NumberFormatException e) {
                throw invalid(field);
            }
        }

        private static InvalidParameterException invalid(String field) {
            return new InvalidParameterException(field, "is not a cursor this API handed out (take it from the Link header)");
        }
    }

    /**
     * Whether an instant lies in years 1 to 9999: what every store here can hold as a date (a BSON date is
     * milliseconds in a long; {@link Instant} reaches far beyond), so a query never fails on one.
     */
    public static boolean isStorable(Instant instant) {
        return !instant.isBefore(EARLIEST) && instant.isBefore(AFTER_LATEST);
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    /** The page size asked for: {@code defaultSize} when absent, else a whole number from 1 to {@code max}. */
    public static int size(String field, String requested, int defaultSize, int max) {
        if (requested == null || requested.isEmpty()) {
            return defaultSize;
        }
        try {
            int size = Integer.parseInt(requested);
            if (size >= 1 && size <= max) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameterException(field, "must be a whole number from 1 to " + max);
    }

    /** {@link #size(String, String, int, int)} with the defaults of BackTrack's lists (50, at most 200). */
    public static int size(String field, String requested) {
        return size(field, requested, DEFAULT_SIZE, MAX_SIZE);
    }

    /**
     * The {@code Link} header announcing the page after this one: the current request with {@code parameter} set
     * to the cursor (every other parameter kept), as a path-absolute reference.
     */
    public static HttpHeaders linkToNext(Optional<Cursor> next, String parameter) {
        HttpHeaders headers = new HttpHeaders();
        next.ifPresent(cursor -> headers.add(HttpHeaders.LINK, "<" + nextUri(parameter, cursor.encode()) + ">; rel=\"next\""));
        return headers;
    }

    /** The current request with {@code parameter} replaced, as a path-absolute reference (for a body's links). */
    public static String nextUri(String parameter, String value) {
        return currentUriWith(parameter, value);
    }

    /**
     * The current request with some query parameters set (others kept), as a path-absolute reference.
     *
     * @param namesAndValues name, value, name, value...; values are made only of URL-safe characters (cursors, dates)
     */
    public static String currentUriWith(String... namesAndValues) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        String query = request.getQueryString();
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query));
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            uri.replaceQueryParam(namesAndValues[i], namesAndValues[i + 1]);
        }
        return uri.build(true).toUriString();
    }
}
