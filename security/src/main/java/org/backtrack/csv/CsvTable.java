package org.backtrack.csv;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes rows as RFC 4180 CSV (CRLF line ends, quotes only where needed, a header row) with the same fields as their
 * JSON: each row is turned into JSON by the service's own mapper, nested objects become columns named by their path
 * ({@code flags.sharpPain}, {@code trend.direction}), a list stays one cell holding its compact JSON, a null is an empty
 * cell. The columns come from the row type (record components, nested records by path), so an empty list still has its
 * header and a null in one row never moves a column. Text cells go through {@link SpreadsheetSafeText}.
 */
public final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private CsvTable() {
    }

    public static String write(JsonMapper json, Class<?> rowType, List<?> rows) {
        Set<String> columns = new LinkedHashSet<>(columnsOf(rowType, ""));
        List<Map<String, String>> cells = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", json.valueToTree(row), flat);
            columns.addAll(flat.keySet()); // a field the type does not declare (a map's keys) still gets its column
            cells.add(flat);
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT.builder().setHeader(columns.toArray(String[]::new)).get())) {
            for (Map<String, String> row : cells) {
                List<String> values = new ArrayList<>(columns.size());
                columns.forEach(column -> values.add(row.get(column)));
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Column names of a record type: its JSON property names, nested records by path. */
    static List<String> columnsOf(Class<?> type, String prefix) {
        List<String> columns = new ArrayList<>();
        if (!type.isRecord()) {
            return columns;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (annotated(component, JsonIgnore.class)) {
                continue;
            }
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            if (renamed == null) {
                renamed = component.getAnnotation(JsonProperty.class);
            }
            String name = prefix + (renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName());
            if (component.getType().isRecord()) {
                columns.addAll(columnsOf(component.getType(), name + "."));
            } else {
                columns.add(name);
            }
        }
        return columns;
    }

    private static boolean annotated(RecordComponent component, Class<? extends java.lang.annotation.Annotation> annotation) {
        return component.isAnnotationPresent(annotation) || component.getAccessor().isAnnotationPresent(annotation);
    }

    private static void flatten(String path, JsonNode node, Map<String, String> cells) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return; // an empty cell, and no column of its own
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), cells);
            }
        } else if (node.isArray()) {
            cells.put(path, SpreadsheetSafeText.of(node.toString()));
        } else if (node.isString()) {
            cells.put(path, SpreadsheetSafeText.of(node.asString()));
        } else {
            cells.put(path, node.asString()); // a number or a boolean, as JSON writes it
        }
    }
}
