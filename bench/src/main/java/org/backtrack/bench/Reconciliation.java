package org.backtrack.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backtrack.events.CloudEvent;
import org.backtrack.events.InvalidEventException;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.events.Topics;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The exact reconciliation after a load or fault run, for the patients of one run (by id prefix):
 * <ol>
 *   <li>every session the API accepted is on {@code backtrack.sessions} (nothing lost between API and broker);</li>
 *   <li>the sessions progress-service recorded are exactly the valid sessions on the topic, each in the version
 *       that stands (the latest event time), so none is lost and none is counted twice;</li>
 *   <li>each patient's session count in the progress API is the number of distinct sessions on the topic;</li>
 *   <li>{@code /actuator/readmodels} finds every stored window and publication equal to a recomputation.</li>
 * </ol>
 * The expectation is computed here from the raw topic with the event contract only, independently of the service.
 */
public final class Reconciliation implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SessionEventCodec CODEC = new SessionEventCodec();

    /** What was found; {@link #exact()} when nothing is missing, extra, stale or inconsistent. */
    public record Report(int topicEvents, int invalidEvents, int sessions, int recorded, Set<String> acceptedNotOnTopic,
                         Set<String> lost, Set<String> extra, Set<String> staleVersion, Set<String> wrongCounts,
                         boolean readModelsConsistent, String readModelReport) {

        public boolean exact() {
            return acceptedNotOnTopic.isEmpty() && lost.isEmpty() && extra.isEmpty() && staleVersion.isEmpty()
                    && wrongCounts.isEmpty() && readModelsConsistent;
        }

        @Override
        public String toString() {
            return "%d events on the topic (%d invalid), %d distinct sessions, %d recorded; accepted but not on the topic %s, "
                    .formatted(topicEvents, invalidEvents, sessions, recorded, abbreviated(acceptedNotOnTopic))
                    + "lost %s, extra %s, stale version %s, wrong session counts %s, read models consistent: %s"
                    .formatted(abbreviated(lost), abbreviated(extra), abbreviated(staleVersion), abbreviated(wrongCounts),
                            readModelsConsistent ? "yes" : "NO " + readModelReport);
        }

        private static String abbreviated(Set<String> ids) {
            return ids.size() <= 5 ? ids.toString() : ids.size() + " e.g. " + ids.stream().limit(5).toList();
        }
    }

    private final Suite suite;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** One client for every check; the driver reconnects by itself after an outage. */
    private final MongoClient mongo;

    public Reconciliation(Suite suite) {
        this.suite = suite;
        this.mongo = MongoClients.create(suite.config().mongoUri());
    }

    /** Waits until the report is exact or the time is up, and returns the last report. */
    public Report awaitExact(String prefix, Set<String> accepted, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Report report = check(prefix, accepted);
        while (!report.exact() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            report = check(prefix, accepted);
        }
        return report;
    }

    public Report check(String prefix, Set<String> accepted) throws Exception {
        Map<String, Standing> expected = new HashMap<>();
        int events = 0;
        int invalid = 0;
        try (TopicLog topic = new TopicLog(suite.config().kafkaBootstrap())) {
            for (ConsumerRecord<String, byte[]> record : topic.readAll(Topics.SESSIONS)) {
                if (record.key() == null || !record.key().startsWith(prefix)) {
                    continue;
                }
                events++;
                try {
                    CloudEvent<SessionCompleted> event = CODEC.decode(record.value());
                    Instant time = event.time() != null ? event.time() : Instant.ofEpochMilli(record.timestamp());
                    // same key, same partition: later offsets arrive later, and win a tie
                    expected.merge(event.data().sessionId(), new Standing(event.id(), time, event.data().patientId()),
                            (old, now) -> now.time().isBefore(old.time()) ? old : now);
                } catch (InvalidEventException e) {
                    invalid++;
                }
            }
        }
        Map<String, String> recorded = new HashMap<>();
        mongo.getDatabase("progress").getCollection("sessions")
                .find(Filters.regex("patientId", "^" + Pattern.quote(prefix)))
                .projection(Projections.include("sessionId", "eventId"))
                .forEach((Document d) -> recorded.put(d.getString("sessionId"), d.getString("eventId")));
        Set<String> notOnTopic = new TreeSet<>(accepted);
        notOnTopic.removeAll(expected.keySet());
        Set<String> lost = new TreeSet<>(expected.keySet());
        lost.removeAll(recorded.keySet());
        Set<String> extra = new TreeSet<>(recorded.keySet());
        extra.removeAll(expected.keySet());
        Set<String> stale = new TreeSet<>();
        expected.forEach((session, standing) -> {
            String eventId = recorded.get(session);
            if (eventId != null && !eventId.equals(standing.eventId())) {
                stale.add(session);
            }
        });
        Set<String> wrongCounts = lost.isEmpty() && extra.isEmpty() ? wrongSessionCounts(expected) : Set.of();
        JsonNode readModels = readModels();
        return new Report(events, invalid, expected.size(), recorded.size(), notOnTopic, lost, extra, stale, wrongCounts,
                readModels.path("consistent").asBoolean(false), readModels.toString());
    }

    /** Dead letters of the run's patients: record key to the reason header, in topic order. */
    public List<Map.Entry<String, String>> deadLetters(String prefix) {
        try (TopicLog topic = new TopicLog(suite.config().kafkaBootstrap())) {
            return topic.readAll(Topics.SESSIONS_DLT).stream()
                    .filter(r -> r.key() != null && r.key().startsWith(prefix))
                    .map(r -> Map.entry(r.key(), reason(r)))
                    .toList();
        }
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader("backtrack-dlt-reason");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Set<String> wrongSessionCounts(Map<String, Standing> expected) throws IOException, InterruptedException {
        Map<String, Integer> perPatient = new HashMap<>();
        expected.values().forEach(s -> perPatient.merge(s.patientId(), 1, Integer::sum));
        Set<String> wrong = new TreeSet<>();
        for (var entry : perPatient.entrySet()) {
            JsonNode progress = get(suite.progressUrl() + "/api/v1/patients/" + entry.getKey() + "/progress", SessionFactory.CLINICIAN);
            if (progress.path("sessionCount").asInt(-1) != entry.getValue()) {
                wrong.add(entry.getKey());
            }
        }
        return wrong;
    }

    private JsonNode readModels() throws IOException, InterruptedException {
        return get(suite.progressUrl() + "/actuator/readmodels", "content.admin");
    }

    private JsonNode get(String url, String user) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", suite.tokens().bearer(user)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 && attempt == 0) {
                suite.tokens().refresh(user);
                continue;
            }
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
        }
    }

    @Override
    public void close() {
        mongo.close();
    }

    private record Standing(String eventId, Instant time, String patientId) {
    }
}
