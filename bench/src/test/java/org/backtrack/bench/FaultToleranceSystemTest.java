package org.backtrack.bench;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backtrack.events.CloudEvent;
import org.backtrack.events.InvalidEventException;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Crashes and outages under load on the whole suite (real broker, MongoDB-wire server, service JVMs). Each scenario
 * ends with the exact {@link Reconciliation} over every session of the run so far: zero lost, zero counted twice,
 * read models equal to a recomputation. The scenarios share one suite and run in order; later faults also prove
 * that the data accepted before them stays intact. The last runs two instances of progress-service and of
 * routine-service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceSystemTest {

    static final Duration RECONCILE_WITHIN = Duration.ofMinutes(3);
    static final int PATIENTS = 40;
    static final double SESSIONS_PER_SECOND = 25;
    /** Every fifth session goes straight onto the topic, as an integrating system would send it. */
    static final int DIRECT_EVERY = 5;

    static Suite suite;
    static Reconciliation reconciliation;
    static DirectSessions direct;
    static SessionPoster poster;
    static final SessionFactory SESSIONS = new SessionFactory("fault-" + UUID.randomUUID().toString().substring(0, 6) + "-");
    static final AtomicIntegerArray NEXT_INDEX = new AtomicIntegerArray(PATIENTS);
    static final Set<String> ACCEPTED = ConcurrentHashMap.newKeySet();
    static final Random RANDOM = new Random();

    @BeforeAll
    static void startTheSuite() throws Exception {
        suite = Suite.start(Path.of("..").toAbsolutePath().normalize(), null, 6);
        reconciliation = new Reconciliation(suite);
        direct = new DirectSessions(suite.config().kafkaBootstrap());
        poster = new SessionPoster(suite.routineUrl(), suite.tokens(), SessionFactory.CLINICIAN);
    }

    @AfterAll
    static void stopTheSuite() {
        if (reconciliation != null) {
            reconciliation.close();
        }
        if (direct != null) {
            direct.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    /** A step of an outage: stopping a part of the suite or starting it again. */
    interface OutageStep {
        void run() throws Exception;
    }

    /** Load for three seconds, a part stopped for {@code awayMillis}, then three seconds more: the answers' statuses, counted. */
    Map<Integer, Integer> underLoadWhileAway(OutageStep stop, long awayMillis, OutageStep start) throws Exception {
        BackgroundLoad load = load();
        Thread.sleep(3000);
        stop.run();
        Thread.sleep(awayMillis);
        start.run();
        Thread.sleep(3000);
        return load.stop();
    }

    BackgroundLoad load() {
        return new BackgroundLoad(SESSIONS, poster, direct, NEXT_INDEX, ACCEPTED, SESSIONS_PER_SECOND, DIRECT_EVERY);
    }

    void assertExactReconciliation(String scenario) throws Exception {
        Reconciliation.Report report = reconciliation.awaitExact(SESSIONS.prefix(), ACCEPTED, RECONCILE_WITHIN);
        System.out.println(scenario + ": " + report);
        assertThat(report.acceptedNotOnTopic()).as("accepted sessions missing from the topic").isEmpty();
        assertThat(report.lost()).as("sessions lost").isEmpty();
        assertThat(report.extra()).as("sessions recorded that were never sent").isEmpty();
        assertThat(report.staleVersion()).as("sessions recorded in a version that does not stand").isEmpty();
        assertThat(report.wrongCounts()).as("patients whose session count is off").isEmpty();
        assertThat(report.readModelsConsistent()).as("read models equal a recomputation: " + report.readModelReport()).isTrue();
        assertThat(report.recorded()).isEqualTo(report.sessions()).isGreaterThanOrEqualTo(ACCEPTED.size());
    }

    @Test
    @Order(1)
    void poisonMixedIntoTheStreamIsDeadLetteredWithItsReasonAndEveryValidSessionCounts() throws Exception {
        BackgroundLoad load = load();
        Map<String, String> expectedReasons = new java.util.LinkedHashMap<>();
        List<CloudEvent<SessionCompleted>> sentDirectly = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            Thread.sleep(2000);
            SessionCompleted valid = SESSIONS.session(round, NEXT_INDEX.getAndIncrement(round));
            sentDirectly.add(direct.send(valid));
            ACCEPTED.add(valid.sessionId());
            String json = new String(SessionFactory.encode(SessionFactory.event(valid, Instant.now())), StandardCharsets.UTF_8);
            poison(expectedReasons, round, "malformed", json.substring(0, json.length() / 2), "not valid JSON");
            poison(expectedReasons, round, "wrong-types", json.replaceFirst("\"painBefore\":\\d+", "\"painBefore\":\"six\""), "data.painBefore");
            poison(expectedReasons, round, "pain-11", json.replaceFirst("\"painAfter\":\\d+", "\"painAfter\":11"), "data.painAfter");
            poison(expectedReasons, round, "unknown-type", json.replace(SessionCompleted.TYPE, "backtrack.session.started.v9"), "type");
            poison(expectedReasons, round, "oversized", json.replaceFirst("\"painBefore\"", "\"notes\":\"" + "x".repeat(100_000) + "\",\"painBefore\""),
                    "bytes");
        }
        // redeliveries and corrections of sessions already sent are normal traffic, not poison
        CloudEvent<SessionCompleted> first = sentDirectly.get(0);
        direct.sendRaw(first.data().patientId(), SessionFactory.encode(first));
        direct.send(SessionFactory.corrected(sentDirectly.get(1).data(), 0));
        System.out.println("poison: " + load.stop());

        assertExactReconciliation("poison");
        Map<String, String> deadLetters = new java.util.HashMap<>();
        reconciliation.deadLetters(SESSIONS.prefix() + "poison-").forEach(e -> deadLetters.putIfAbsent(e.getKey(), e.getValue()));
        assertThat(deadLetters.keySet()).containsExactlyInAnyOrderElementsOf(expectedReasons.keySet());
        expectedReasons.forEach((key, reason) -> assertThat(deadLetters.get(key)).as(key).contains(reason));
    }

    private static void poison(Map<String, String> expectedReasons, int round, String kind, String value, String reason) {
        String key = SESSIONS.prefix() + "poison-" + kind + "-" + round;
        direct.sendRaw(key, value.getBytes(StandardCharsets.UTF_8));
        expectedReasons.put(key, reason);
    }

    @Test
    @Order(2)
    void progressServiceKilledWithSigkillAtARandomPointUnderLoadLosesAndDoublesNothing() throws Exception {
        // one kill (each restart costs about 25 s on two cores); the scale-out test below kills an instance again
        BackgroundLoad load = load();
        Thread.sleep(1500 + RANDOM.nextInt(3000));
        suite.stack().killService("progress-service");
        Thread.sleep(RANDOM.nextInt(2000));
        suite.stack().restartService("progress-service");
        Thread.sleep(2000);
        System.out.println("kill -9: " + load.stop());
        assertExactReconciliation("kill -9");
    }

    @Test
    @Order(3)
    void brokerStoppedAndRestartedUnderLoadWhileTheApiKeepsAcceptingSessions() throws Exception {
        Map<Integer, Integer> statuses = underLoadWhileAway(suite.stack()::stopKafka, 10_000, suite.stack()::startKafka);
        System.out.println("broker outage: " + statuses);
        // ten seconds at 20 API sessions a second: most answers of the outage are 202, stored and relayed afterwards
        assertThat(statuses.getOrDefault(202, 0)).as("sessions accepted while the broker was away (202)").isGreaterThanOrEqualTo(20);
        assertExactReconciliation("broker outage");
    }

    @Test
    @Order(4)
    void mongoWireServerAwayForTwentySecondsUnderLoad() throws Exception {
        System.out.println("MongoDB outage: " + underLoadWhileAway(suite.stack()::stopMongo, 20_000, suite.stack()::startMongo));
        assertExactReconciliation("MongoDB outage");
    }

    @Test
    @Order(5)
    void consumerGroupResetToTheBeginningRedeliversEverythingAndCountsNothingTwice() throws Exception {
        try (TopicLog topic = new TopicLog(suite.config().kafkaBootstrap())) {
            suite.stack().stopService("progress-service");
            topic.resetToBeginning("progress-service", Topics.SESSIONS);
            long replay = topic.lag("progress-service", Topics.SESSIONS);
            assertThat(replay).as("records to redeliver").isGreaterThanOrEqualTo(ACCEPTED.size());
            suite.stack().restartService("progress-service");
            long deadline = System.nanoTime() + RECONCILE_WITHIN.toNanos();
            while (topic.lag("progress-service", Topics.SESSIONS) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            System.out.println("offset reset: " + replay + " records redelivered");
        }
        assertExactReconciliation("offset reset");
    }

    static final String PROGRESS_GROUP = "progress-service";
    static final String ROUTINE_SOURCE = "/routine-service";

    /**
     * Scale-out: a second progress-service and a second routine-service join the running suite, the gateway shares
     * the API's sessions between the two routine instances, and one progress-service instance is killed with SIGKILL
     * under load. Its partitions go to the other once the broker drops its consumers (their session timeout); nothing
     * is lost or counted twice. The session outboxes of the two routine instances relay side by side: an event goes
     * out twice only after a request gave up waiting for the broker and left it owed (at least once, by design; the
     * retry of that request or a relay sends it again), so when no request left one owed, no event is on the topic twice.
     */
    @Test
    @Order(6)
    void twoInstancesOfEachKafkaServiceAndOneProgressInstanceKilledUnderLoad() throws Exception {
        try (TopicLog topic = new TopicLog(suite.config().kafkaBootstrap())) {
            Set<String> firstInstance = awaitAssignment(topic, held -> true, Duration.ofMinutes(1)).keySet();
            long launched = System.nanoTime();
            int routinePort = Suite.freePort();
            String progress2 = suite.stack().launchInstance("progress-service", Suite.freePort());
            String routine2 = suite.stack().launchInstance("routine-service", routinePort);
            suite.stack().restartService("gateway"); // now routing to both routine-service instances
            suite.stack().awaitHealthy(routine2);
            suite.stack().awaitHealthy(progress2);
            Duration started = since(launched);
            Map<String, Integer> shared = awaitAssignment(topic, held -> held.size() > firstInstance.size()
                    && held.keySet().containsAll(firstInstance), Duration.ofMinutes(2));
            Duration joined = since(launched);
            System.out.println("scale-out: second instances up after " + started.toMillis() + " ms, partitions shared after "
                    + joined.toMillis() + " ms: " + shared);

            List<String> routine = List.of(suite.routineUrl(), "http://" + suite.config().host() + ":" + routinePort);
            List<Long> servedBefore = metric(routine, "http.server.requests", "uri:/api/v1/sessions", "method:POST");
            List<Long> owedBefore = metric(routine, "backtrack.sessions.logged", "publication:owed");
            Set<String> acceptedBefore = Set.copyOf(ACCEPTED);
            BackgroundLoad load = new BackgroundLoad(SESSIONS, new SessionPoster(suite.gatewayUrl(), suite.tokens(), SessionFactory.CLINICIAN),
                    direct, NEXT_INDEX, ACCEPTED, SESSIONS_PER_SECOND, DIRECT_EVERY);
            Thread.sleep(5000);
            suite.stack().killService(progress2);
            long killed = System.nanoTime();
            awaitAssignment(topic, held -> held.keySet().equals(firstInstance), Duration.ofMinutes(2));
            Duration rebalanced = since(killed);
            Thread.sleep(3000);
            Map<Integer, Integer> statuses = load.stop();
            assertExactReconciliation("scale-out");
            Duration reconciled = since(killed);

            List<Long> served = minus(metric(routine, "http.server.requests", "uri:/api/v1/sessions", "method:POST"), servedBefore);
            long owed = sum(minus(metric(routine, "backtrack.sessions.logged", "publication:owed"), owedBefore));
            Set<String> sent = new HashSet<>(ACCEPTED);
            sent.removeAll(acceptedBefore);
            Map<String, List<String>> twice = eventsOnTheTopicTwice(topic, sent, ROUTINE_SOURCE);
            int doubled = twice.values().stream().mapToInt(c -> c.size() - 1).sum();
            if (doubled > 0) {
                System.out.println("scale-out: routine-service's events on the topic more than once: " + twice);
                printRelayLines();
            }
            Map<String, List<String>> directTwice = eventsOnTheTopicTwice(topic, sent, "/bench");
            if (!directTwice.isEmpty()) {
                System.out.println("scale-out: events sent straight to the topic that are on it more than once: " + directTwice);
            }
            System.out.println("scale-out: " + sent.size() + " sessions sent (API answers " + statuses + "), POSTs served per routine-service instance "
                    + served + ", " + owed + " left to the relay, " + doubled + " of routine-service's events on the topic twice, "
                    + directTwice.size() + " of the direct ones; progress-service killed, its partitions with the other after "
                    + rebalanced.toMillis() + " ms, exact reconciliation " + reconciled.toMillis() + " ms after the kill");

            long api = statuses.values().stream().mapToLong(Integer::longValue).sum();
            assertThat(sum(served)).as("POSTs served by the two instances").isGreaterThanOrEqualTo(api);
            served.forEach(count -> assertThat(count).as("POSTs one routine-service instance served, of " + served)
                    .isGreaterThanOrEqualTo(sum(served) / 3));
            if (owed == 0) {
                assertThat(twice).as("routine-service's events on the topic twice although no request left one to the relay").isEmpty();
            }
        }
    }

    /** Waits until the progress-service group is stable with its partitions all held and {@code done} holds. */
    private static Map<String, Integer> awaitAssignment(TopicLog topic, Predicate<Map<String, Integer>> done, Duration timeout) throws Exception {
        int partitions = topic.endOffsets(Topics.SESSIONS).size();
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Integer> held = Map.of();
        while (System.nanoTime() < deadline) {
            held = topic.assignment(PROGRESS_GROUP, Topics.SESSIONS);
            if (held.values().stream().mapToInt(Integer::intValue).sum() == partitions && done.test(held)) {
                return held;
            }
            Thread.sleep(250);
        }
        return fail("progress-service's partitions not as expected within " + timeout + ": " + held);
    }

    /**
     * Events of {@code source} about {@code sessions} on the topic more than once, by event id, with where each copy is
     * (partition@offset, broker timestamp).
     */
    private static Map<String, List<String>> eventsOnTheTopicTwice(TopicLog topic, Set<String> sessions, String source) {
        SessionEventCodec codec = new SessionEventCodec();
        Map<String, List<String>> copies = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : topic.readAll(Topics.SESSIONS)) {
            if (record.key() == null || !record.key().startsWith(SESSIONS.prefix())) {
                continue;
            }
            try {
                CloudEvent<SessionCompleted> event = codec.decode(record.value());
                if (sessions.contains(event.data().sessionId()) && source.equals(event.source())) {
                    copies.computeIfAbsent(event.source() + " " + event.id() + " " + event.data().sessionId(), id -> new ArrayList<>())
                            .add(record.partition() + "@" + record.offset() + " " + Instant.ofEpochMilli(record.timestamp()));
                }
            } catch (InvalidEventException e) {
                // poison of the first scenario
            }
        }
        copies.values().removeIf(c -> c.size() < 2);
        return copies;
    }

    /** A counter's count on each instance (0 before its first increment), read from Actuator with a clinician's token. */
    private static List<Long> metric(List<String> instances, String name, String... tags) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Long> counts = new ArrayList<>();
        for (String instance : instances) {
            StringBuilder url = new StringBuilder(instance + "/actuator/metrics/" + name);
            for (int i = 0; i < tags.length; i++) {
                url.append(i == 0 ? "?" : "&").append("tag=").append(tags[i]);
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url.toString()))
                    .header("Authorization", suite.tokens().bearer(SessionFactory.CLINICIAN)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                counts.add(0L);
                continue;
            }
            assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
            var measurements = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body()).path("measurements");
            long count = 0;
            for (var measurement : measurements) {
                if (measurement.path("statistic").asString().equals("COUNT")) {
                    count = (long) measurement.path("value").asDouble();
                }
            }
            counts.add(count);
        }
        return counts;
    }

    /** What the session relays of the routine-service instances logged, to tell the copies' origin. */
    private static void printRelayLines() throws java.io.IOException {
        try (var logs = java.nio.file.Files.list(suite.config().dataDir().resolve("logs"))) {
            for (Path log : logs.filter(l -> l.getFileName().toString().startsWith("routine-service")).toList()) {
                java.nio.file.Files.readAllLines(log).stream().filter(line -> line.contains("relayed") || line.contains("EventNotPublished"))
                        .forEach(line -> System.out.println(log.getFileName() + ": " + line));
            }
        }
    }

    private static List<Long> minus(List<Long> after, List<Long> before) {
        List<Long> difference = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            difference.add(after.get(i) - before.get(i));
        }
        return difference;
    }

    private static long sum(List<Long> counts) {
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
