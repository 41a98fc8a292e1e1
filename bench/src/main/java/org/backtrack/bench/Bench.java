package org.backtrack.bench;

import org.apache.kafka.common.TopicPartition;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * {@code ./backtrack bench}: starts the suite on the embedded default (fresh data directory, free ports), loads it,
 * and prints the figures docs/benchmarks.md records, as Markdown. Options: {@code --out=FILE} also writes the
 * report there; {@code --quick} shortens every phase (a smoke run, not figures to publish); {@code --ingestion-only} runs
 * the ingestion rounds alone, {@code --reads-only} the bounded reads on a clinic of 500 patients alone,
 * {@code --end-to-end-only} the end-to-end rounds alone; {@code --profile=DIR} records every JVM with JFR into DIR and
 * adds where each process spent its CPU ({@link Profiles}). Every run reports each part's CPU per session
 * ({@link CpuAccount}). {@code --via-gateway} posts the end-to-end rounds through the gateway as the clinic's machine
 * client (its quota, 200/s by default, can be raised for the bench with
 * {@code --service-jvm-options="... -Dbacktrack.gateway.rate-limit.client.per-second=1000"}).
 */
public final class Bench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String GROUP = "progress-service";
    static final Duration POLL = Duration.ofMillis(20);
    /** The longest pause between two polls of one tracked session. */
    static final Duration MAX_POLL = Duration.ofMillis(500);
    /** How long a tracked session may take to be counted before it is reported as not counted. */
    static final Duration VISIBLE_WITHIN = Duration.ofMinutes(2);

    private final Suite suite;
    private final boolean quick;
    private final StringBuilder report = new StringBuilder();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final java.util.List<String> jvmOptions;

    /** Whether the end-to-end rounds post through the gateway, as the riverside clinic's machine client. */
    private final boolean viaGateway;

    private Bench(Suite suite, boolean quick, java.util.List<String> jvmOptions, boolean viaGateway) {
        this.suite = suite;
        this.quick = quick;
        this.jvmOptions = jvmOptions;
        this.viaGateway = viaGateway;
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("backtrack.home", ".")).toAbsolutePath().normalize();
        Path out = null;
        boolean quick = false;
        boolean ingestionOnly = false;
        boolean readsOnly = false;
        boolean endToEndOnly = false;
        java.util.List<String> jvmOptions = org.backtrack.devstack.DevStackConfig.DEFAULT_SERVICE_JVM_OPTIONS;
        Path profileDir = null;
        boolean viaGateway = false;
        for (String arg : args) {
            if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring("--out=".length()));
            } else if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.equals("--ingestion-only")) {
                ingestionOnly = true;
            } else if (arg.equals("--reads-only")) {
                readsOnly = true;
            } else if (arg.equals("--end-to-end-only")) {
                endToEndOnly = true;
            } else if (arg.startsWith("--service-jvm-options=")) {
                jvmOptions = java.util.List.of(arg.substring("--service-jvm-options=".length()).trim().split("\\s+"));
            } else if (arg.equals("--via-gateway")) {
                viaGateway = true;
            } else if (arg.startsWith("--profile=")) {
                profileDir = Path.of(arg.substring("--profile=".length()));
            } else {
                System.err.println("bench: unknown argument " + arg + " (options: --out=FILE, --quick, --ingestion-only, --reads-only, --end-to-end-only, --service-jvm-options=\"...\", --profile=DIR, --via-gateway)");
                System.exit(2);
            }
        }
        Profiles profiles = null;
        if (profileDir != null) {
            jvmOptions = new java.util.ArrayList<>(jvmOptions);
            jvmOptions.add(Profiles.serviceJvmOption(profileDir));
            profiles = Profiles.start(profileDir);
        }
        String text;
        Map<Long, String> partsByPid = new java.util.HashMap<>();
        Instant measuredFrom;
        try (Suite suite = Suite.start(home, null, 6, jvmOptions)) {
            measuredFrom = Instant.now();
            suite.stack().pids().forEach((part, pid) -> partsByPid.put(pid, part));
            text = new Bench(suite, quick, jvmOptions, viaGateway).run(ingestionOnly, readsOnly, endToEndOnly);
        }
        if (profiles != null) {
            // the services wrote their recordings as they stopped, with the suite
            text = text + String.join("\n", profiles.summarize(partsByPid, measuredFrom)) + "\n";
        }
        System.out.println(text);
        if (out != null) {
            Files.writeString(out, text);
        }
        System.exit(0); // the Kafka clients' threads would keep the JVM alive a little longer
    }

    private String run(boolean ingestionOnly, boolean readsOnly, boolean endToEndOnly) throws Exception {
        line("# BackTrack benchmark, " + Instant.now() + (quick ? " (quick run: not for publication)" : ""));
        line("");
        line("Machine: " + Machine.describe());
        line("");
        line("Service JVMs: `" + String.join(" ", jvmOptions) + "`");
        line("");
        try (RssSampler rss = new RssSampler(() -> suite.stack().pids()); TopicLog topic = new TopicLog(suite.config().kafkaBootstrap());
             DirectSessions direct = new DirectSessions(suite.config().kafkaBootstrap())) {
            Map<String, Long> idle = RssSampler.now(() -> suite.stack().pids());
            if (ingestionOnly) {
                ingestion(direct, topic, 10, quick ? 100 : 1000);
                return report.toString();
            }
            if (readsOnly) {
                boundedReads(direct, topic);
                return report.toString();
            }
            if (endToEndOnly) {
                endToEnd(topic);
                return report.toString();
            }
            endpoints(direct, topic);
            endToEnd(topic);
            ingestionAndHistory(direct, topic);
            readsAfterGrowth();
            line("## Resident memory (RSS) per process");
            line("");
            line("| process | idle after start | peak during the run |");
            line("|---|---|---|");
            rss.peaks().forEach((part, peak) -> line("| %s | %s | %d MB |".formatted(part,
                    idle.containsKey(part) ? idle.get(part) + " MB" : "-", peak)));
            line("");
        }
        return report.toString();
    }

    // ---- per-endpoint latency and throughput ---------------------------------------------------------------

    private void endpoints(DirectSessions direct, TopicLog topic) throws Exception {
        SessionFactory patients = new SessionFactory("bench-read-");
        int patientCount = 50;
        for (int p = 0; p < patientCount; p++) {
            for (int i = 0; i < 30; i++) {
                direct.send(patients.session(p, i));
            }
        }
        direct.flush();
        awaitDrained(topic, Duration.ofMinutes(5));
        Duration length = quick ? Duration.ofSeconds(3) : Duration.ofSeconds(20);
        Duration warmUp = quick ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
        int clients = 8;
        String token = suite.tokens().bearer(SessionFactory.CLINICIAN);
        line("## API latency and throughput, " + clients + " concurrent clients, " + length.toSeconds() + " s each (after "
                + warmUp.toSeconds() + " s warm-up), straight to each service with a clinician's token");
        line("");
        line("| operation | requests/s | p50 | p99 | non-2xx |");
        line("|---|---|---|---|---|");
        row("catalog: list exercises `GET /api/v1/exercises`", ClosedLoop.run(clients, warmUp, length, (c, i) ->
                send(HttpRequest.newBuilder(URI.create(suite.catalogUrl() + "/api/v1/exercises")).header("Authorization", token).GET())));
        row("routine: compose and save `POST /api/v1/routines`", ClosedLoop.run(clients, warmUp, length, (c, i) ->
                send(HttpRequest.newBuilder(URI.create(suite.routineUrl() + "/api/v1/routines")).header("Authorization", token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"patientId\":\"" + patients.patientId((c * 7 + i) % patientCount) + "\",\"minutes\":" + (5 + i % 16)
                                        + ",\"timeOfDay\":\"MORNING\"}")))));
        row("progress: a patient's progress `GET /api/v1/patients/{id}/progress`", ClosedLoop.run(clients, warmUp, length, (c, i) ->
                send(HttpRequest.newBuilder(URI.create(suite.progressUrl() + "/api/v1/patients/"
                        + patients.patientId((c * 7 + i) % patientCount) + "/progress")).header("Authorization", token).GET())));
        line("");
        line("Data: " + patientCount + " patients with 30 sessions each, sent as events before the run.");
        line("");
    }

    private void row(String operation, ClosedLoop.Result result) {
        line("| %s | %.0f | %.1f ms | %.1f ms | %d |".formatted(operation, result.perSecond(), result.latencies().millis(50),
                result.latencies().millis(99), result.failures()));
    }

    private int send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // ---- end to end: POST to visible in the progress API ---------------------------------------------------

    private void endToEnd(TopicLog topic) throws Exception {
        Duration length = quick ? Duration.ofSeconds(5) : Duration.ofSeconds(30);
        line("## End-to-end latency: `POST /api/v1/sessions` (" + (viaGateway ? "through the gateway, as the clinic's machine client"
                : "routine-service") + ") until the progress API counts the session");
        line("");
        line("Open loop at a fixed offered rate for " + length.toSeconds() + " s per rate, after a warm-up at 10/s the table leaves out;"
                + " 100 patients in turn. Ten sessions a"
                + " second are tracked (every one at 10/s, every fifth at 50/s): for each, the progress API is polled every " + POLL.toMillis()
                + " ms, or every tenth of the time waited so far once that is longer (at most every " + MAX_POLL.toMillis()
                + " ms), until it counts the session, so figures are up to " + POLL.toMillis() + " ms or 10% late. A fixed "
                + POLL.toMillis() + " ms poll made the observer most of the load once latency passed a second. Tracking every session would"
                + " turn the observer into most of the load. POST columns: until " + (viaGateway ? "the gateway" : "routine-service")
                + " answered (a 429 or 503 is retried with back-off and counts in the time).");
        line("");
        line("| offered sessions/s | tracked | p50 | p99 | max | POST p50 | POST p99 | not counted within " + VISIBLE_WITHIN.toMinutes()
                + " min |");
        line("|---|---|---|---|---|---|---|---|");
        SessionPoster poster = viaGateway
                ? SessionPoster.asClient(suite.gatewayUrl(), suite.tokens(), SessionFactory.INTEGRATION_CLIENT, SessionFactory.INTEGRATION_SECRET)
                : new SessionPoster(suite.routineUrl(), suite.tokens(), SessionFactory.CLINICIAN);
        Map<String, Map<String, Double>> cpuPerRound = new java.util.LinkedHashMap<>();
        Map<String, Integer> sessionsPerRound = new java.util.LinkedHashMap<>();
        // a warm-up the table leaves out, as the API rounds have one: the first sessions meet cold code paths
        SessionFactory warmUp = new SessionFactory("bench-e2e-warm-up-");
        OpenLoop.run(10, quick ? Duration.ofSeconds(2) : Duration.ofSeconds(10), (i, due) -> poster.post(warmUp.session(i % 100, i / 100)));
        drained(topic, Duration.ofMinutes(2));
        for (int rate : new int[] {10, 25, 50, 100, 200}) {
            SessionFactory patients = new SessionFactory("bench-e2e-" + rate + "-");
            int patientCount = 100;
            AtomicIntegerArray next = new AtomicIntegerArray(patientCount);
            Latencies visible = new Latencies();
            Latencies posted = new Latencies();
            AtomicInteger notVisible = new AtomicInteger();
            int trackEvery = Math.max(1, rate / 10);
            String refused = null;
            Map<String, Double> cpuBefore = CpuAccount.now(() -> suite.stack().pids());
            AtomicInteger sent = new AtomicInteger();
            try {
                OpenLoop.run(rate, length, (i, due) -> {
                    sent.incrementAndGet();
                    int patient = i % patientCount;
                    int index = next.getAndIncrement(patient);
                    SessionCompleted session = patients.session(patient, index);
                    poster.post(session);
                    posted.add(System.nanoTime() - due);
                    if (i % trackEvery == 0) {
                        if (awaitCount(patients.patientId(patient), index + 1, due)) {
                            visible.add(System.nanoTime() - due);
                        } else {
                            notVisible.incrementAndGet(); // the suite is saturated at this rate: a figure, not a failure
                        }
                    }
                });
            } catch (IllegalStateException notAccepted) {
                refused = String.valueOf(notAccepted.getCause() == null ? notAccepted : notAccepted.getCause().getMessage());
            }
            line("| %d | %d | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %d |".formatted(rate, visible.count(),
                    visible.millis(50), visible.millis(99), visible.maxMillis(), posted.millis(50), posted.millis(99), notVisible.get()));
            if (refused != null) {
                // routine-service stopped accepting sessions at this rate: the rounds so far are the figures
                line("");
                line("At " + rate + "/s routine-service stopped accepting sessions (" + refused + "); the higher rates are left out.");
                break;
            }
            if (!drained(topic, Duration.ofMinutes(5))) {
                line("");
                line("progress-service had not caught up 5 minutes after the " + rate + "/s round; the higher rates are left out.");
                break;
            }
            cpuPerRound.put(rate + "/s", CpuAccount.between(cpuBefore, CpuAccount.now(() -> suite.stack().pids())));
            sessionsPerRound.put(rate + "/s", sent.get());
        }
        line("");
        cpuTable("CPU per logged session, end to end", "From the start of each round until progress-service had committed its last"
                + " session: each part's CPU time (user + system) divided by the sessions posted in the round. The observer's"
                + " progress reads are part of progress-service's figure; the bench's own figure is its load generator and"
                + " observer.", cpuPerRound, sessionsPerRound);
    }

    /** A table of CPU milliseconds per unit of work for each part, one row a round, and each part's share. */
    private void cpuTable(String title, String how, Map<String, Map<String, Double>> cpuPerRound, Map<String, Integer> unitsPerRound) {
        if (cpuPerRound.isEmpty()) {
            return;
        }
        java.util.List<String> parts = new java.util.ArrayList<>(cpuPerRound.values().iterator().next().keySet());
        parts.removeIf(part -> part.equals("local-issuer") || part.equals("catalog-service"));
        line("### " + title);
        line("");
        line(how + " Milliseconds of CPU per unit; a 2-core machine has 2,000 ms of CPU a second.");
        line("");
        line("| round | " + String.join(" | ", parts) + " | total |");
        line("|---|" + "---|".repeat(parts.size() + 1));
        cpuPerRound.forEach((round, used) -> {
            int units = Math.max(1, unitsPerRound.get(round));
            StringBuilder row = new StringBuilder("| " + round + " (" + units + ") |");
            double total = 0;
            for (String part : parts) {
                double millis = 1000 * used.getOrDefault(part, 0.0) / units;
                total += millis;
                row.append(" %.2f ms |".formatted(millis));
            }
            line(row + " **%.2f ms** |".formatted(total));
        });
        line("");
    }

    /** @return whether the progress API counted the session within {@link #VISIBLE_WITHIN} */
    private boolean awaitCount(String patientId, int count, long dueNanos) throws Exception {
        String token = suite.tokens().bearer(SessionFactory.CLINICIAN);
        URI uri = URI.create(suite.progressUrl() + "/api/v1/patients/" + patientId + "/progress");
        long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(uri).header("Authorization", token)
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.net.http.HttpTimeoutException slow) {
                continue; // a saturated suite answers late: that shows in the figures, it does not end the bench
            }
            if (response.statusCode() == 200 && JSON.readTree(response.body()).path("sessionCount").asInt() >= count) {
                return true;
            }
            // polls back off with the wait, so that a slow suite is not slowed further by its observer
            long waitedMillis = (System.nanoTime() - dueNanos) / 1_000_000;
            Thread.sleep(Math.min(MAX_POLL.toMillis(), Math.max(POLL.toMillis(), waitedMillis / 10)));
        }
        return false;
    }

    // ---- ingestion against the raw baseline, and work per event against history length -------------------

    private void ingestionAndHistory(DirectSessions direct, TopicLog topic) throws Exception {
        int patientCount = 10;
        int history = quick ? 200 : 2000;
        int perRound = quick ? 100 : 1000;
        SessionFactory longHistory = new SessionFactory("bench-long-");
        SessionFactory shortHistory = new SessionFactory("bench-short-");

        ingestion(direct, topic, patientCount, perRound);

        for (int i = 0; i < history; i++) {
            for (int p = 0; p < patientCount; p++) {
                direct.send(longHistory.session(p, i));
            }
        }
        direct.flush();
        awaitDrained(topic, Duration.ofMinutes(30));
        for (int p = 0; p < patientCount; p++) {
            for (int i = 0; i < 10; i++) {
                direct.send(shortHistory.session(p, i));
            }
        }
        direct.flush();
        awaitDrained(topic, Duration.ofMinutes(5));
        int batch = quick ? 50 : 200;
        double[] shortMicros = new double[2];
        double[] longMicros = new double[2];
        for (int round = 0; round < 2; round++) {
            shortMicros[round] = microsPerEvent(direct, topic, shortHistory, patientCount, 10 + round * batch, batch);
            longMicros[round] = microsPerEvent(direct, topic, longHistory, patientCount, history + round * batch, batch);
        }
        double shortMean = (shortMicros[0] + shortMicros[1]) / 2;
        double longMean = (longMicros[0] + longMicros[1]) / 2;
        line("## Work per event against history length");
        line("");
        line(("%d new sessions (%d per patient) for patients with 10 past sessions, then for patients with %d, twice in turn;"
                + " time per event from the first send until the consumer group has caught up.").formatted(patientCount * batch, batch, history));
        line("");
        line("| history | round 1 | round 2 | mean |");
        line("|---|---|---|---|");
        line("| 10 sessions | %.0f µs | %.0f µs | %.0f µs |".formatted(shortMicros[0], shortMicros[1], shortMean));
        line("| %d sessions | %.0f µs | %.0f µs | %.0f µs |".formatted(history, longMicros[0], longMicros[1], longMean));
        line("| ratio | | | **%.2fx** |".formatted(longMean / shortMean));
        line("");
    }

    private void ingestion(DirectSessions direct, TopicLog topic, int patientCount, int perRound) throws Exception {
        int rounds = 3;
        line("## Ingestion: progress-service against the raw pipeline");
        line("");
        line(("Each round: %,d events (%d patients × %d sessions) produced onto `backtrack.sessions` (6 partitions) at once;"
                + " progress-service timed from the first send until its group has committed the last offset. The raw baseline"
                + " then reads the same offsets with a plain KafkaConsumer (parse, unordered bulk upsert of the session and a"
                + " per-patient `$inc`, commitSync per poll) into the same MongoDB-wire server. One unreported warm-up round,"
                + " then three, because a shared two-core machine varies by ±20%% from run to run.").formatted(patientCount * perRound, patientCount, perRound));
        line("");
        line("| round | progress-service (validate, ownership, record, window, assess, publish) | raw baseline (parse, bulk upsert + `$inc`) | ratio |");
        line("|---|---|---|---|");
        double[] ratios = new double[rounds];
        double[] serviceRates = new double[rounds];
        double[] rawRates = new double[rounds];
        Map<String, Map<String, Double>> cpuPerRound = new java.util.LinkedHashMap<>();
        Map<String, Integer> eventsPerRound = new java.util.LinkedHashMap<>();
        for (int round = -1; round < rounds; round++) {
            // round -1 warms both pipelines up (JIT, connection pools, the wire server's caches) and is not reported
            SessionFactory patients = new SessionFactory("bench-ingest-" + (round + 1) + "-");
            awaitDrained(topic, Duration.ofMinutes(2));
            Map<TopicPartition, Long> from = topic.endOffsets(Topics.SESSIONS);
            Map<String, Double> cpuBefore = CpuAccount.now(() -> suite.stack().pids());
            long started = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                for (int p = 0; p < patientCount; p++) {
                    direct.send(patients.session(p, i));
                }
            }
            direct.flush();
            awaitDrained(topic, Duration.ofMinutes(30));
            double serviceRate = patientCount * perRound / ((System.nanoTime() - started) / 1e9);
            Map<String, Double> cpuBetween = CpuAccount.now(() -> suite.stack().pids());
            double rawRate = RawBaseline.run(suite.config().kafkaBootstrap(), suite.config().mongoUri(), from,
                    topic.endOffsets(Topics.SESSIONS));
            if (round < 0) {
                continue;
            }
            cpuPerRound.put("round " + (round + 1) + ", progress-service", CpuAccount.between(cpuBefore, cpuBetween));
            cpuPerRound.put("round " + (round + 1) + ", raw baseline", CpuAccount.between(cpuBetween, CpuAccount.now(() -> suite.stack().pids())));
            eventsPerRound.put("round " + (round + 1) + ", progress-service", patientCount * perRound);
            eventsPerRound.put("round " + (round + 1) + ", raw baseline", patientCount * perRound);
            serviceRates[round] = serviceRate;
            rawRates[round] = rawRate;
            ratios[round] = serviceRate / rawRate;
            line("| %d | %.0f events/s | %.0f events/s | %.0f%% |".formatted(round + 1, serviceRates[round], rawRates[round],
                    100 * ratios[round]));
        }
        line("| **median** | **%.0f events/s** | **%.0f events/s** | **%.0f%%** |".formatted(median(serviceRates), median(rawRates),
                100 * median(ratios)));
        line("");
        cpuTable("CPU per ingested event", "Each round's progress-service part (from the first send until its group caught up)"
                + " and raw-baseline part (its plain consumer runs in the bench's JVM, so its work is the bench's figure): each"
                + " part's CPU time divided by the events of the round.", cpuPerRound, eventsPerRound);
    }

    private void readsAfterGrowth() throws Exception {
        long sessions;
        try (var mongo = com.mongodb.client.MongoClients.create(suite.config().mongoUri())) {
            sessions = mongo.getDatabase("progress").getCollection("sessions").countDocuments();
        }
        line("## Progress reads once the database has grown");
        line("");
        readsTable("After all of the above: %,d sessions in the progress database.".formatted(sessions), new SessionFactory("bench-read-"), 50,
                new SessionFactory("bench-long-"), 10);
    }

    /**
     * {@code --reads-only}: a clinic of exactly 500 patients on a fresh suite, 499 with 30 sessions and one with 2,400
     * (six and a half years of daily sessions), then the reads the issue on bounded reads names.
     */
    private void boundedReads(DirectSessions direct, TopicLog topic) throws Exception {
        SessionFactory clinic = new SessionFactory("bench-clinic-");
        SessionFactory long2400 = new SessionFactory("bench-long-");
        int patients = 499;
        int history = quick ? 300 : SessionFactory.MAX_SESSIONS_PER_PATIENT;
        for (int i = 0; i < 30; i++) {
            for (int p = 0; p < patients; p++) {
                direct.send(clinic.session(p, i));
            }
        }
        for (int i = 0; i < history; i++) {
            direct.send(long2400.session(0, i));
        }
        direct.flush();
        awaitDrained(topic, Duration.ofMinutes(30));
        line("## Bounded reads: a clinic of 500 patients");
        line("");
        readsTable("A fresh suite: %d patients with 30 sessions and one with %,d, sent as events before the run.".formatted(patients, history),
                clinic, 50, long2400, 1);
    }

    private void readsTable(String data, SessionFactory short30, int shortCount, SessionFactory long2400, int longCount) throws Exception {
        Duration length = quick ? Duration.ofSeconds(3) : Duration.ofSeconds(10);
        Duration warmUp = Duration.ofSeconds(2);
        int clients = 8;
        String token = suite.tokens().bearer(SessionFactory.CLINICIAN);
        URI overview = URI.create(suite.progressUrl() + "/api/v1/clinics/" + SessionFactory.CLINIC + "/patients");
        PagedWalk.Result whole = PagedWalk.walk(http, URI.create(overview + "?size=200"), token);
        line(data + " The clinic's overview lists %d patients (%d pages of up to 200). %d clients for the progress reads, 2 for the overview, %d s each."
                .formatted(whole.items(), whole.pages(), clients, length.toSeconds()));
        line("");
        line("| operation | requests/s | p50 | p99 | non-2xx |");
        line("|---|---|---|---|---|");
        row("progress of a patient with 30 sessions", ClosedLoop.run(clients, warmUp, length, (c, i) ->
                send(HttpRequest.newBuilder(URI.create(suite.progressUrl() + "/api/v1/patients/" + short30.patientId((c * 7 + i) % shortCount)
                        + "/progress")).header("Authorization", token).GET())));
        row("progress of a patient with 2,400 sessions, default read (series of the last 180 days)", ClosedLoop.run(clients, warmUp, length,
                (c, i) -> send(HttpRequest.newBuilder(URI.create(suite.progressUrl() + "/api/v1/patients/" + long2400.patientId((c * 3 + i) % longCount)
                        + "/progress")).header("Authorization", token).GET())));
        row("clinic overview, first page `GET /api/v1/clinics/{id}/patients` (default size)", ClosedLoop.run(2, warmUp, length,
                (c, i) -> send(HttpRequest.newBuilder(overview).header("Authorization", token).GET())));
        row("clinic overview, every patient: all pages of `?size=200` in turn, as the dashboard reads it", ClosedLoop.run(2, warmUp, length,
                (c, i) -> PagedWalk.walk(http, URI.create(overview + "?size=200"), token).status()));
        line("");
    }

    private double microsPerEvent(DirectSessions direct, TopicLog topic, SessionFactory patients, int patientCount, int from,
                                  int perPatient) throws Exception {
        long started = System.nanoTime();
        for (int i = from; i < from + perPatient; i++) {
            for (int p = 0; p < patientCount; p++) {
                direct.send(patients.session(p, i));
            }
        }
        direct.flush();
        awaitDrained(topic, Duration.ofMinutes(10));
        return (System.nanoTime() - started) / 1e3 / (patientCount * perPatient);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Waits until progress-service has committed every record of the topic. */
    private void awaitDrained(TopicLog topic, Duration timeout) throws Exception {
        if (!drained(topic, timeout)) {
            throw new IllegalStateException("progress-service did not catch up within " + timeout);
        }
    }

    /** @return whether progress-service's group caught up with the sessions topic within {@code timeout} */
    private boolean drained(TopicLog topic, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (topic.lag(GROUP, Topics.SESSIONS) > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private void line(String text) {
        report.append(text).append('\n');
    }
}
