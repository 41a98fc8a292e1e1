package org.backtrack.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a paged list to its end as the dashboard does: the first page, then each page its RFC 8288 {@code Link}
 * header names ({@code rel="next"}). A service that does not page answers everything on the first.
 */
final class PagedWalk {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"next\"");
    private static final int MAX_PAGES = 1000;

    /** @param status the first status that was not 200, else 200 */
    record Result(int status, int items, int pages) {
    }

    private PagedWalk() {
    }

    static Result walk(HttpClient http, URI first, String token) throws Exception {
        URI next = first;
        int items = 0;
        int pages = 0;
        while (next != null && pages < MAX_PAGES) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(next).header("Authorization", token)
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            pages++;
            if (page.statusCode() != 200) {
                return new Result(page.statusCode(), items, pages);
            }
            JsonNode body = JSON.readTree(page.body());
            items += body.size();
            Matcher link = NEXT.matcher(page.headers().firstValue("Link").orElse(""));
            next = link.find() ? first.resolve(link.group(1)) : null;
        }
        return new Result(200, items, pages);
    }
}
