package org.backtrack.gateway;

import com.samskivert.mustache.Mustache;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Each page filled into the shared layout: one title, a skip link to an element of the page, only static scripts. */
class DashboardPagesTest {

    static final List<String> PAGES = DashboardPages.PAGES;

    private static final Mustache.Compiler TEMPLATES = Mustache.compiler().withLoader(name ->
            new InputStreamReader(new ClassPathResource("templates/" + name + ".mustache").getInputStream(), StandardCharsets.UTF_8));

    @ParameterizedTest
    @FieldSource("PAGES")
    void thePageFillsTheLayout(String page) throws IOException {
        String html = render(page);

        assertThat(html).startsWith("<!doctype html>\n<html lang=\"en\">").doesNotContain("{{", "}}");
        assertThat(html.stripTrailing()).endsWith("</body>\n</html>");
        assertThat(all(Pattern.compile("<title>(BackTrack – [^<]+)</title>"), html)).hasSize(1);
        assertThat(all(Pattern.compile("<a class=\"skip\" href=\"#([^\"]+)\">"), html)).singleElement()
                .satisfies(target -> assertThat(html).contains(" id=\"" + target + "\""));
    }

    /** The content security policy allows no inline script ({@code script-src 'self'}); every file referred to is served. */
    @ParameterizedTest
    @FieldSource("PAGES")
    void scriptsAndStylesheetsAreStaticFiles(String page) throws IOException {
        String html = render(page);

        assertThat(html.split("<script").length - 1).isEqualTo(all(Pattern.compile("<script src=\"([^\"]+)\"></script>"), html).size());
        List<String> scripts = all(Pattern.compile("<script src=\"/([^\"]+)\"></script>"), html);
        assertThat(scripts).hasSize(2).first().isEqualTo("dashboard-common.js");
        List<String> files = new ArrayList<>(scripts);
        files.addAll(all(Pattern.compile("<link rel=\"stylesheet\" href=\"/([^\"]+)\">"), html));
        assertThat(files).allSatisfy(file -> assertThat(new ClassPathResource("static/" + file).exists()).as(file).isTrue());
    }

    private static String render(String page) throws IOException {
        try (var template = new InputStreamReader(new ClassPathResource("templates/" + page + ".mustache").getInputStream(),
                StandardCharsets.UTF_8)) {
            return TEMPLATES.compile(template).execute(new Object());
        }
    }

    private static List<String> all(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
