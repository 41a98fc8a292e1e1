package org.backtrack.csv;

import org.backtrack.paging.Paging;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A list as a CSV download: every page of it, read with the list's own keyset paging, up to {@link #MAX_ROWS} rows;
 * a longer list ends with an RFC 8288 {@code Link: rel="next"} to the rest, as the JSON pages do. Asked for with
 * {@code Accept: text/csv} or by the list's {@code .csv} path (a plain link in a browser).
 */
public final class CsvDownload {

    public static final String MEDIA_TYPE_VALUE = "text/csv";
    public static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);
    /** The most rows one download holds; the Link header gives the rest. */
    public static final int MAX_ROWS = 10_000;
    /** For the OpenAPI description of a list that has a CSV form. */
    public static final String DESCRIBED = " With `Accept: text/csv`, or on the `.csv` path, the whole list as one RFC 4180 CSV "
            + "download (header row, the JSON's fields, nested ones as `a.b` columns, lists as JSON in one cell; texts "
            + "starting with = + - @ get a leading apostrophe against formula injection), at most " + MAX_ROWS
            + " rows, then a `Link` to the rest.";

    private CsvDownload() {
    }

    /**
     * @param pages    reads one page after a cursor (empty: from the start) of at most the given size
     * @param from     where the download starts (a {@code cursor} the caller passed), empty for the start
     * @param filename what the browser saves it as
     */
    public static <T> ResponseEntity<String> of(JsonMapper json, Class<T> rowType, Optional<Paging.Cursor> from,
                                                BiFunction<Optional<Paging.Cursor>, Integer, Paging.Page<T>> pages, String filename) {
        List<T> rows = new ArrayList<>();
        Optional<Paging.Cursor> next = from;
        do {
            Paging.Page<T> page = pages.apply(next, Math.min(Paging.MAX_SIZE, MAX_ROWS - rows.size()));
            rows.addAll(page.items());
            next = page.next();
        } while (next.isPresent() && rows.size() < MAX_ROWS);
        HttpHeaders headers = Paging.linkToNext(next, Paging.CURSOR);
        headers.setContentDisposition(ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build());
        return ResponseEntity.ok().headers(headers).contentType(MEDIA_TYPE).body(CsvTable.write(json, rowType, rows));
    }

    /** A list already read whole (the rows of one answer) as the same download, paged through by position. */
    public static <T> ResponseEntity<String> of(JsonMapper json, Class<T> rowType, List<T> rows, String filename) {
        return of(json, rowType, Optional.empty(), (after, size) -> {
            int start = after.map(c -> c.integer(Paging.CURSOR, 0, 0, rows.size())).orElse(0);
            return Paging.Page.of(rows.subList(start, Math.min(rows.size(), start + size + 1)), size,
                    last -> Paging.Cursor.of(rows.indexOf(last) + 1));
        }, filename);
    }
}
