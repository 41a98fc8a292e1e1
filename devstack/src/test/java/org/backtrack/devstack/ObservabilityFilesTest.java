package org.backtrack.devstack;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backtrack.testsupport.TestDefaults.JSON;

/**
 * The committed alert rules and Grafana dashboard ({@code deploy/observability}) use only metrics the services expose:
 * meters registered in the services' code (Micrometer names as Prometheus writes them) and the library metrics the
 * MetricsIntegrationTests scrape. A renamed meter fails here, not silently on a dashboard.
 */
class ObservabilityFilesTest {

    static final Path DIR = ComposeFileTest.ROOT.resolve("deploy/observability");
    static final List<String> MODULES = List.of("security", "catalog-service", "routine-service", "progress-service", "gateway");
    /** A meter builder's name argument: a literal or a constant (possibly qualified). */
    static final Pattern BUILDER = Pattern.compile("\\b(Counter|Gauge|MultiGauge|Timer)\\.builder\\(\\s*(\"[^\"]+\"|[\\w.]+)");
    static final Pattern REGISTRY_COUNTER = Pattern.compile("\\.counter\\(\\s*\"([a-z][\\w.\\-]+)\"");
    static final Pattern CONSTANT = Pattern.compile("static final String (\\w+) = \"([^\"]+)\";");
    static final Pattern SCRAPED = Pattern.compile("\"[^\"]*\"");
    static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "rate", "increase", "irate", "by",
            "without", "and", "or", "unless", "on", "ignoring", "group_left", "group_right", "histogram_quantile", "topk",
            "bottomk", "abs", "delta", "deriv", "absent", "m", "h", "s", "d");

    @Test
    void alertRulesAreWellFormedAndUseExposedMetrics() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(DIR.resolve("alert-rules.yml")));
        List<Map<String, Object>> all = new ArrayList<>();
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> alert = (Map<String, Object>) rule;
                all.add(alert);
            }
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(5);
        Set<String> exposed = exposedMetrics();
        for (Map<String, Object> alert : all) {
            assertThat(alert).as("an alert rule").containsKeys("alert", "expr", "labels", "annotations");
            assertThat(((Map<?, ?>) alert.get("labels")).get("severity")).as(alert.get("alert").toString()).isIn("warning", "critical");
            assertThat(((Map<?, ?>) alert.get("annotations")).keySet().stream().map(String::valueOf).toList()).as(alert.get("alert").toString()).contains("summary", "description");
            assertThat(metricsIn(alert.get("expr").toString())).as("metrics of %s", alert.get("alert")).isNotEmpty()
                    .allSatisfy(metric -> assertThat(exposed).as("%s in %s", metric, alert.get("alert")).contains(metric));
        }
        Set<String> used = new TreeSet<>();
        all.forEach(alert -> used.addAll(metricsIn(alert.get("expr").toString())));
        assertThat(used).contains("backtrack_dead_letters_total", "backtrack_outbox_owed", "kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void theDashboardUsesExposedMetricsThroughTheProvisionedDataSource() throws IOException {
        JsonNode dashboard = JSON.readTree(Files.readString(DIR.resolve("grafana/dashboards/backtrack.json")));
        Map<String, Object> datasources = new Yaml().load(Files.readString(DIR.resolve("grafana/provisioning/datasources/prometheus.yml")));
        String uid = ((Map<?, ?>) ((List<?>) datasources.get("datasources")).get(0)).get("uid").toString();
        Set<String> exposed = exposedMetrics();
        Set<String> used = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            String title = panel.get("title").asString();
            assertThat(panel.get("targets").size()).as(title).isPositive();
            for (JsonNode target : panel.get("targets")) {
                assertThat(target.get("datasource").get("uid").asString()).as(title).isEqualTo(uid);
                Set<String> metrics = metricsIn(target.get("expr").asString());
                assertThat(metrics).as(title).isNotEmpty()
                        .allSatisfy(metric -> assertThat(exposed).as("%s in panel %s", metric, title).contains(metric));
                used.addAll(metrics);
            }
        }
        // the domain metrics of issue 19: sessions logged and ingested, lag, dead letters, outboxes, statuses, alerts
        assertThat(used).contains("backtrack_sessions_logged_total", "backtrack_sessions_ingested_total",
                "kafka_consumer_fetch_manager_records_lag_max", "backtrack_dead_letters_total", "backtrack_outbox_owed",
                "backtrack_patients", "backtrack_alerts");
    }

    @Test
    void prometheusScrapesEveryServiceOnItsManagementPortAndLoadsTheRules() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(DIR.resolve("prometheus.yml")));
        assertThat((List<?>) config.get("rule_files")).anySatisfy(f -> assertThat(f.toString()).endsWith("alert-rules.yml"));
        List<String> jobs = ((List<?>) config.get("scrape_configs")).stream().map(c -> ((Map<?, ?>) c).get("job_name").toString()).toList();
        assertThat(jobs).containsExactlyInAnyOrder("catalog-service", "routine-service", "progress-service", "gateway");
        assertThat(Files.readString(DIR.resolve("prometheus.yml"))).contains("/actuator/prometheus", ":9090");
    }

    /** Metric names of a PromQL expression: label matchers, grouping labels and function names left out. */
    static Set<String> metricsIn(String expr) {
        String bare = expr.replaceAll("\\{[^}]*}", " ").replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\[[^]]*]", " ").replaceAll("\"[^\"]*\"", " ");
        Set<String> metrics = new TreeSet<>();
        Matcher m = METRIC.matcher(bare);
        while (m.find()) {
            String word = m.group();
            if (!PROMQL_WORDS.contains(word)) {
                metrics.add(word);
            }
        }
        return metrics;
    }

    /** Prometheus names of the meters the services register, the metrics the MetricsIntegrationTests scrape, and up. */
    static Set<String> exposedMetrics() throws IOException {
        Map<String, String> constants = new HashMap<>();
        List<String> sources = new ArrayList<>();
        for (String module : MODULES) {
            try (Stream<Path> files = Files.walk(ComposeFileTest.ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    sources.add(source);
                    Matcher c = CONSTANT.matcher(source);
                    while (c.find()) {
                        constants.putIfAbsent(c.group(1), c.group(2));
                    }
                }
            }
        }
        Set<String> exposed = new TreeSet<>();
        exposed.add("up"); // Prometheus's own, per target
        for (String source : sources) {
            Map<String, String> own = new HashMap<>(); // a constant of the same class wins over a namesake elsewhere
            Matcher c = CONSTANT.matcher(source);
            while (c.find()) {
                own.put(c.group(1), c.group(2));
            }
            Matcher b = BUILDER.matcher(source);
            while (b.find()) {
                String argument = b.group(2);
                String constant = argument.substring(argument.lastIndexOf('.') + 1);
                String name = argument.startsWith("\"") ? argument.substring(1, argument.length() - 1)
                        : argument.contains(".") ? constants.get(constant) : own.getOrDefault(constant, constants.get(constant));
                assertThat(name).as("meter name %s", argument).isNotNull();
                String prometheus = name.replaceAll("[.\\-]", "_");
                exposed.add(b.group(1).equals("Counter") ? prometheus + "_total" : prometheus);
            }
            Matcher r = REGISTRY_COUNTER.matcher(source);
            while (r.find()) {
                exposed.add(r.group(1).replaceAll("[.\\-]", "_") + "_total");
            }
        }
        try (Stream<Path> files = Files.walk(ComposeFileTest.ROOT)) {
            for (Path test : files.filter(f -> f.getFileName().toString().equals("MetricsIntegrationTest.java"))
                    .filter(f -> !f.toString().contains("/target/")).toList()) {
                Matcher s = SCRAPED.matcher(Files.readString(test));
                while (s.find()) {
                    Matcher name = Pattern.compile("^\"([a-z][a-z0-9]*(?:_[a-z0-9]+)+)").matcher(s.group());
                    if (name.find()) {
                        exposed.add(name.group(1));
                    }
                }
            }
        }
        return exposed;
    }
}
