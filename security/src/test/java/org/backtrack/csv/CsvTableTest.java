package org.backtrack.csv;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTableTest {

    record Flags(boolean sharpPain, Boolean numbness) {
    }

    record Row(String id, Integer pain, Instant at, Flags flags, List<String> tags, String notes, @JsonIgnore String secret) {
    }

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theHeaderNamesTheJsonFieldsNestedOnesByPathAndLeavesIgnoredOnesOut() throws IOException {
        String csv = CsvTable.write(json, Row.class, List.of());
        assertThat(csv).isEqualTo("id,pain,at,flags.sharpPain,flags.numbness,tags,notes\r\n");
    }

    @Test
    void everyRowReadsBackAsItsJsonWithTheSameFieldsAndValues() throws IOException {
        List<Row> rows = List.of(
                new Row("s-1", 6, Instant.parse("2026-11-20T07:31:00Z"), new Flags(true, null), List.of("a", "b,c"),
                        "line one\nline \"two\", with a comma", "hidden"),
                new Row("s-2", null, null, null, List.of(), "", "hidden"),
                new Row("s-3", 0, Instant.parse("2026-11-21T19:00:00Z"), new Flags(false, false), null, "naïve café ✓", null));
        String csv = CsvTable.write(json, Row.class, rows);
        assertThat(csv).doesNotContain("hidden").contains("\r\n");

        List<CSVRecord> read = parse(csv);
        assertThat(read).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode expected = json.valueToTree(rows.get(i));
            CSVRecord record = read.get(i);
            assertThat(record.get("id")).isEqualTo(expected.path("id").asString());
            assertThat(record.get("pain")).isEqualTo(expected.path("pain").isNull() ? "" : expected.path("pain").asString());
            assertThat(record.get("at")).isEqualTo(expected.path("at").isNull() ? "" : expected.path("at").asString());
            assertThat(record.get("flags.sharpPain")).isEqualTo(expected.path("flags").path("sharpPain").isMissingNode()
                    || expected.path("flags").isNull() ? "" : expected.path("flags").path("sharpPain").asString());
            assertThat(record.get("tags")).isEqualTo(expected.path("tags").isNull() ? "" : expected.path("tags").toString());
            assertThat(record.get("notes")).isEqualTo(expected.path("notes").asString(""));
        }
        assertThat(read.get(0).get("tags")).isEqualTo("[\"a\",\"b,c\"]");
        assertThat(read.get(0).get("flags.numbness")).isEmpty();
        assertThat(read.get(2).get("notes")).isEqualTo("naïve café ✓");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"click\")", "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1",
            "=cmd|' /C calc'!A0"})
    void aTextAFormulaWouldStartWithIsShownAsTextNotRun(String attack) throws IOException {
        String csv = CsvTable.write(json, Row.class, List.of(new Row(attack, 1, null, null, List.of(attack), attack, null)));
        CSVRecord record = parse(csv).get(0);
        assertThat(record.get("id")).isEqualTo("'" + attack);
        assertThat(record.get("notes")).isEqualTo("'" + attack);
        assertThat(record.get("tags")).startsWith("[").contains(attack.replace("\"", "\\\"").replace("\t", "\\t").replace("\r", "\\r"));
        assertThat(record.get("pain")).isEqualTo("1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cat-cow", "s-2026-11-20", "patient-42", "6", "a=b", "x@y", "", "'quoted"})
    void anOrdinaryTextIsLeftAsItIs(String text) {
        assertThat(SpreadsheetSafeText.of(text)).isEqualTo(text);
    }

    @Test
    void eachTriggerCharacterIsEscapedAndNothingElseIs() {
        for (char c = 0; c < 128; c++) {
            String text = c + "rest";
            boolean trigger = SpreadsheetSafeText.FORMULA_TRIGGERS.indexOf(c) >= 0;
            assertThat(SpreadsheetSafeText.of(text)).isEqualTo(trigger ? "'" + text : text);
        }
        assertThat(SpreadsheetSafeText.of(null)).isNull();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    }
}
