package org.backtrack.devstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.backtrack.devstack.ApiDocuments.Operation;
import org.backtrack.devstack.ApiFuzzer.Callers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backtrack.testsupport.TestDefaults.JSON;

/**
 * Every documented operation of the three services (read from their own OpenAPI documents, so a new endpoint is
 * fuzzed without anyone listing it) is called through the gateway of the running suite with requests varied from its
 * description by {@link ApiFuzzer}, as each role (clinician, clinic administrator, patient, platform administrator,
 * integration client), with no token and with garbage tokens. The property: no answer is a 5xx and no call hangs
 * (a generous client timeout only to catch hangs). Latencies are printed, never asserted.
 * <p>
 * Tries per operation: {@code -Dbacktrack.fuzz.tries} (default {@value #DEFAULT_TRIES}); the run's seed:
 * {@code -Dbacktrack.fuzz.seed} (random unless given, printed, so a run can be repeated on a fresh suite);
 * {@code -Dbacktrack.fuzz.only=<text>} keeps the operations whose "METHOD path" contains the text;
 * {@code -Dbacktrack.fuzz.devstack="--gateway-port=8080 --data-dir=..."} fuzzes a suite already running (options as
 * {@code ./backtrack up} takes them) instead of starting the shared one; {@code -Dbacktrack.fuzz.trace=<text>} prints
 * every call (and its answer) of the operations whose "METHOD path" contains the text.
 * <p>
 * The suite is shared with the other system tests, so the fuzz leaves the demo clinic as seeded: writes name
 * {@code fuzz-} patients and exercises, the exercises it created are retired at the end, and sessions are logged as the
 * second clinic's clinician and integration (a session of a new patient adds a row to the clinic's overview, whose
 * seeded rows the dashboard test counts).
 */
class ApiFuzzSystemTest {

    static final int DEFAULT_TRIES = 80;
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    static final String CLINIC = DemoClinic.CLINIC_ID;
    static final String SESSIONS = "POST /api/v1/sessions";
    static final List<String> FUZZ_PATIENTS = List.of("fuzz-p1", "fuzz-p2", "fuzz-p3", "fuzz-p4");
    /** Accounts and clients by role, all of the demo clinic but the platform administrator. */
    static final Map<String, List<String>> ROLES_OF = new LinkedHashMap<>();

    static {
        ROLES_OF.put("dr.lee", List.of("CLINICIAN"));
        ROLES_OF.put("admin.kim", List.of("CLINICIAN", "CLINIC_ADMIN"));
        ROLES_OF.put("patient-01", List.of("PATIENT"));
        ROLES_OF.put("content.admin", List.of("PLATFORM_ADMIN"));
        ROLES_OF.put("demo-integration", List.of("INTEGRATION"));
    }

    static DevStackConfig config;
    static DemoUserTokens tokens;
    static ApiDocuments.Documents documents;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    static final List<String> builtInExercises = new ArrayList<>();
    /** Exercises the fuzz created (id to the account that did), their ETags, and the routines it may read. */
    static final Map<String, String> createdExercises = new ConcurrentHashMap<>();
    static final Map<String, String> etags = new ConcurrentHashMap<>();
    static final List<String> routines = new ArrayList<>();
    /** The last next-page cursor each operation answered, to page with a real one. */
    static final Map<String, Map<String, String>> cursors = new ConcurrentHashMap<>();

    @BeforeAll
    static void fixtures() throws Exception {
        String running = System.getProperty("backtrack.fuzz.devstack", "").trim();
        config = running.isEmpty() ? SuiteUnderTest.config() : DevStackConfig.from(running.split("\\s+"), System.getenv());
        tokens = new DemoUserTokens(config.issuerUrl());
        documents = ApiDocuments.read(config);
        var list = JSON.readTree(send("dr.lee", "GET", "/api/v1/exercises?size=100", null).body());
        for (JsonNode item : list.path("items")) {
            String id = item.get("id").asString();
            if (!id.contains(".")) {
                builtInExercises.add(id);
            }
        }
        assertThat(builtInExercises).isNotEmpty();
        String draft = JSON.writeValueAsString(documents.operations().stream()
                .filter(op -> op.key().equals("POST /api/v1/exercises")).findFirst().orElseThrow().bodyExample())
                .replaceFirst("\"slug\"\\s*:\\s*\"[^\"]*\"", "\"slug\":\"fuzz-fixture-" + Long.toHexString(System.nanoTime()) + "\"");
        var created = send("dr.lee", "POST", "/api/v1/exercises", draft);
        assertThat(created.statusCode()).as(created.body()).isIn(201, 202);
        remember("dr.lee", created);
        for (String patient : List.of(DemoClinic.patientId(0), FUZZ_PATIENTS.get(0))) {
            var routine = send("dr.lee", "POST", "/api/v1/routines", "{\"patientId\":\"" + patient + "\",\"minutes\":10}");
            assertThat(routine.statusCode()).as(routine.body()).isEqualTo(201);
            routines.add(JSON.readTree(routine.body()).get("id").asString());
        }
    }

    record Failure(String operation, ApiFuzzer.Request request, String outcome, String logExcerpt) {
        @Override
        public String toString() {
            return operation + " -> " + outcome + "\n    seed " + request.seed() + ": " + request.describe()
                    + (logExcerpt.isEmpty() ? "" : "\n    log: " + logExcerpt.replace("\n", "\n         "));
        }
    }

    /** Per operation: answers by class and latencies. */
    static final class Tally {
        final Map<String, Integer> byClass = new TreeMap<>();
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final List<Long> nanos = new ArrayList<>();
        int throttled;

        void add(String outcome, long elapsed) {
            byClass.merge(outcome, 1, Integer::sum);
            nanos.add(elapsed);
        }

        double percentile(double p) {
            List<Long> sorted = nanos.stream().sorted().toList();
            if (sorted.isEmpty()) {
                return 0;
            }
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
        }
    }

    @Test
    void noDocumentedOperationAnswers5xxToAnyCallerOrInput() throws Exception {
        int tries = Integer.getInteger("backtrack.fuzz.tries", DEFAULT_TRIES);
        long runSeed = Long.getLong("backtrack.fuzz.seed", new SplittableRandom().nextLong());
        Duration budget = Duration.ofSeconds(Long.getLong("backtrack.fuzz.max-seconds", 300));
        String only = System.getProperty("backtrack.fuzz.only", "");
        String trace = System.getProperty("backtrack.fuzz.trace", "");
        List<Operation> operations = documents.operations().stream().filter(op -> op.key().contains(only)).toList();
        assertThat(operations).as("documented operations").hasSizeGreaterThanOrEqualTo(only.isEmpty() ? 17 : 1);
        System.out.printf("API fuzz: %d operations x %d tries, seed %d (repeat with -Dbacktrack.fuzz.seed=%d)%n",
                operations.size(), tries, runSeed, runSeed);

        ApiFuzzer fuzzer = new ApiFuzzer(new SuiteFixtures());
        Map<String, Tally> tallies = new LinkedHashMap<>();
        operations.forEach(op -> tallies.put(op.key(), new Tally()));
        List<Failure> failures = new ArrayList<>();
        long started = System.nanoTime();
        int calls = 0;
        int attempt = 0;
        // round robin: each operation's tries are spread over the run, between the other operations' writes
        for (; attempt < tries && Duration.ofNanos(System.nanoTime() - started).compareTo(budget) < 0; attempt++) {
            for (Operation op : operations) {
                ApiFuzzer.Request request = fuzzer.generate(op, ApiFuzzer.seedOf(runSeed, op, attempt));
                Tally tally = tallies.get(op.key());
                LogMark mark = new LogMark(op.service());
                Answer answer = call(request);
                calls++;
                if (answer.status() == 429) {
                    tally.throttled++;
                    Thread.sleep(Math.min(5_000, 1_000L * answer.retryAfterSeconds()));
                    answer = call(request);
                    calls++;
                }
                tally.add(answer.outcomeClass(), answer.nanos());
                tally.statuses.merge(answer.status(), 1, Integer::sum);
                if (!trace.isEmpty() && op.key().contains(trace)) {
                    System.out.println("TRACE " + answer.status() + " " + request.describe() + "\n   => " + ApiFuzzer.shorten(answer.body(), 300));
                }
                if (answer.status() >= 500 || (answer.status() < 0 && !closedOnOversizedHeaders(request, answer))) {
                    failures.add(new Failure(op.key(), request, answer.describe(), mark.excerpt()));
                } else {
                    learn(op, request, answer);
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        retireCreatedExercises();
        failures.addAll(stillServingOthers());

        String report = report(tallies, calls, attempt, tries, seconds, runSeed, failures.size());
        System.out.println(report);
        Path out = Path.of("target/api-fuzz-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(failures).as("5xx answers or hangs (seed %d); service log excerpts under each", runSeed)
                .withFailMessage(() -> failures.size() + " calls answered 5xx or hung (run seed " + runSeed + "):\n"
                        + String.join("\n", failures.stream().limit(40).map(Failure::toString).toList()))
                .isEmpty();
    }

    // --- what the fuzzer knows of the suite -------------------------------------------------------------------

    static final class SuiteFixtures implements ApiFuzzer.Fixtures {

        @Override
        public String valid(Operation op, String name, SplittableRandom random) {
            boolean writes = op.writes();
            if (writes && op.path().startsWith("/api/v1/exercises") && !Set.of("slug", "id").contains(name)) {
                return null; // the documented example's stage, kind and progressions agree with each other: kept
            }
            return switch (name) {
                case "patientId" -> writes ? ApiFuzzer.pick(random, FUZZ_PATIENTS)
                        : ApiFuzzer.pick(random, List.of(DemoClinic.patientId(0), DemoClinic.patientId(1), FUZZ_PATIENTS.get(0)));
                // FHIR searches name the patient by id or by reference
                case "patient" -> ApiFuzzer.pick(random, List.of(DemoClinic.patientId(0), "Patient/" + DemoClinic.patientId(1),
                        "Patient/" + FUZZ_PATIENTS.get(0)));
                case "_count" -> String.valueOf(1 + random.nextInt(60));
                case "clinicId" -> random.nextInt(10) < 8 ? CLINIC : "clinic-riverside";
                case "id" -> op.path().startsWith("/api/v1/routines") ? ApiFuzzer.pick(random, routines) : exercise(writes, random);
                case "proposalId" -> "fuzz-proposal-" + random.nextInt(5);
                case "sessionId" -> "fuzz-s-" + (random.nextInt(10) < 3 ? String.valueOf(random.nextInt(5)) : Long.toHexString(random.nextLong()));
                case "routineId" -> ApiFuzzer.pick(random, routines);
                case "completedAt" -> Instant.now().minus(1 + random.nextInt(20 * 24 * 60), ChronoUnit.MINUTES)
                        .truncatedTo(ChronoUnit.SECONDS).toString();
                case "slug" -> "fuzz-" + Long.toHexString(random.nextLong());
                case "exerciseId", "progressions", "regressions", "excludedExercises", "exercises" -> ApiFuzzer.pick(random, builtInExercises);
                case "date", "to" -> LocalDate.now(ZoneOffset.UTC).minusDays(random.nextInt(30)).toString();
                case "from" -> LocalDate.now(ZoneOffset.UTC).minusDays(30 + random.nextInt(150)).toString(); // within 180 days of "to"
                case "since" -> Instant.now().minus(random.nextInt(1000), ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
                case "size", "limit" -> String.valueOf(1 + random.nextInt(100));
                case "page" -> String.valueOf(random.nextInt(4));
                case "sort" -> ApiFuzzer.pick(random, List.of("id", "name", "stage", "duration"));
                case "q" -> ApiFuzzer.pick(random, List.of("cat", "stretch", "knee", "back pain"));
                case "user", "decidedBy", "changedBy" -> ApiFuzzer.pick(random, List.of("dr.lee", "admin.kim"));
                case "cursor", "before" -> cursors.getOrDefault(op.key(), Map.of()).get(name);
                case "focusRegions" -> enumValue("region", random);
                default -> enumValue(name, random);
            };
        }

        private static String exercise(boolean writes, SplittableRandom random) {
            List<String> created = List.copyOf(new TreeMap<>(createdExercises).keySet());
            if (writes || random.nextInt(4) == 0) {
                return created.isEmpty() ? CLINIC + ".fuzz-none" : ApiFuzzer.pick(random, created);
            }
            return ApiFuzzer.pick(random, builtInExercises);
        }

        private static String enumValue(String name, SplittableRandom random) {
            var values = documents.enumsByProperty().get(name);
            return values == null || values.isEmpty() ? null : ApiFuzzer.pick(random, List.copyOf(values));
        }

        @Override
        public String etag(String id) {
            return etags.get(decoded(id));
        }

        @Override
        public Callers callers(Operation op) {
            if (op.key().equals(SESSIONS)) {
                // sessions of new patients are logged at the second clinic, so the demo clinic's overview stays as seeded
                return new Callers(List.of("dr.rivers", "riverside-integration"),
                        List.of("patient-01", "content.admin", "none", "garbage"));
            }
            if (op.roles().isEmpty()) {
                // public on purpose (the FHIR CapabilityStatement): every caller, and no token, is a declared one
                List<String> everyone = new ArrayList<>(ROLES_OF.keySet());
                everyone.add("none");
                return new Callers(everyone, List.of("garbage"));
            }
            List<String> declared = new ArrayList<>();
            List<String> others = new ArrayList<>();
            ROLES_OF.forEach((caller, roles) -> (roles.stream().anyMatch(op.roles()::contains) ? declared : others).add(caller));
            others.add("none");
            others.add("garbage");
            return new Callers(declared, others);
        }

        @Override
        public String authorization(String caller, SplittableRandom random) {
            return switch (caller) {
                case "none" -> null;
                case "garbage" -> garbageToken(random);
                default -> bearer(caller);
            };
        }
    }

    static String bearer(String caller) {
        try {
            return ClientTokens.isClient(caller) ? ClientTokens.bearer(config.issuerUrl(), caller) : tokens.bearer(caller);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Credentials a verifier must refuse (or at worst treat as anonymous), never fail on. */
    static String garbageToken(SplittableRandom random) {
        String valid = bearer("dr.lee").substring("Bearer ".length());
        String[] parts = valid.split("\\.");
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return switch (random.nextInt(12)) {
            case 0 -> "Bearer garbage";
            case 1 -> "Bearer ";
            case 2 -> "Bearer a.b.c";
            case 3 -> "Bearer " + parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
            case 4 -> "Bearer " + "A".repeat(7000);
            case 5 -> "Basic " + Base64.getEncoder().encodeToString("dr.lee:backtrack-demo".getBytes(StandardCharsets.UTF_8));
            case 6 -> "Bearer " + url.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
            case 7 -> "Bearer " + valid + "," + valid;
            case 8 -> "Bearer " + url.encodeToString("{\"alg\":\"HS256\",\"kid\":\"../../x\"}".getBytes(StandardCharsets.UTF_8))
                    + "." + parts[1] + "." + parts[2];
            case 9 -> "Bearer " + parts[0] + "." + url.encodeToString("{\"sub\":\"x\",\"exp\":99999999999999999999}"
                    .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
            case 10 -> "Negotiate " + valid;
            default -> "Bearer " + url.encodeToString("{\"alg\":\"RS256\",\"kid\":\"fuzz-unknown-kid\"}".getBytes(StandardCharsets.UTF_8))
                    + "." + parts[1] + "." + parts[2];
        };
    }

    // --- calling --------------------------------------------------------------------------------------------------

    /** An answer: status (-1 when none came), Retry-After, a body excerpt, time taken, the error when none came. */
    record Answer(int status, Map<String, List<String>> headers, String body, long nanos, String error) {

        String outcomeClass() {
            return status < 0 ? "error" : status == 429 ? "429" : (status / 100) + "xx";
        }

        long retryAfterSeconds() {
            try {
                return Math.max(1, Long.parseLong(header("Retry-After").orElse("1").trim()));
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        java.util.Optional<String> header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).findFirst();
        }

        String describe() {
            return (status < 0 ? error : "HTTP " + status) + " after " + nanos / 1_000_000 + " ms"
                    + (body.isEmpty() ? "" : ": " + ApiFuzzer.shorten(body, 300));
        }
    }

    static Answer call(ApiFuzzer.Request request) {
        long start = System.nanoTime();
        HttpRequest built;
        try {
            var builder = HttpRequest.newBuilder(new URI(config.gatewayUrl() + request.target())).timeout(CLIENT_TIMEOUT)
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(h -> builder.header(h.getKey(), h.getValue()));
            built = builder.build();
        } catch (Exception notExpressible) {
            // a target or header Java's client refuses to send: written on a socket as it is
            return rawCall(request, start);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(built, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().map(), new String(response.body(), StandardCharsets.UTF_8),
                    System.nanoTime() - start, null);
        } catch (HttpTimeoutException e) {
            return new Answer(-1, Map.of(), "", System.nanoTime() - start, "no answer within " + CLIENT_TIMEOUT.toSeconds() + " s (hang)");
        } catch (IOException e) {
            return new Answer(-1, Map.of(), "", System.nanoTime() - start, "connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** HTTP/1.1 by hand, for requests a well-behaved client cannot express; reads the status line and the rest until close. */
    static Answer rawCall(ApiFuzzer.Request request, long start) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(config.host(), config.gatewayPort()), 10_000);
            socket.setSoTimeout((int) CLIENT_TIMEOUT.toMillis());
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes((request.method() + " " + request.target() + " HTTP/1.1\r\nHost: " + config.host() + ":"
                    + config.gatewayPort() + "\r\nConnection: close\r\n").getBytes(StandardCharsets.UTF_8));
            for (var h : request.headers()) {
                head.writeBytes((h.getKey() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            byte[] body = request.body() == null ? new byte[0] : request.body();
            head.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(head.toByteArray());
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(64 * 1024);
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            Matcher status = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(text);
            if (!status.find()) {
                return new Answer(-1, Map.of(), "", System.nanoTime() - start, "no HTTP answer: " + ApiFuzzer.shorten(text, 100));
            }
            int split = text.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(status.group(1)), Map.of(), split < 0 ? "" : ApiFuzzer.shorten(text.substring(split + 4), 500),
                    System.nanoTime() - start, null);
        } catch (SocketTimeoutException e) {
            return new Answer(-1, Map.of(), "", System.nanoTime() - start, "no answer within " + CLIENT_TIMEOUT.toSeconds() + " s (hang)");
        } catch (IOException e) {
            return new Answer(-1, Map.of(), "", System.nanoTime() - start, "connection failed: " + e);
        }
    }

    /**
     * Tomcat answers a request whose header block is over its limit (8 KiB by default) with 400 and closes the
     * connection; a client still sending may see the close first. That is the server's documented refusal, not a failure.
     */
    static boolean closedOnOversizedHeaders(ApiFuzzer.Request request, Answer answer) {
        int headerBytes = request.target().length() + request.headers().stream()
                .mapToInt(h -> h.getKey().length() + h.getValue().length() + 4).sum();
        return answer.error() != null && answer.error().startsWith("connection failed") && headerBytes > 8 * 1024;
    }

    /** Keeps what later calls can use: exercises created (to edit and retire) with their ETags, next-page cursors. */
    static void learn(Operation op, ApiFuzzer.Request request, Answer answer) throws Exception {
        String path = request.target().replaceFirst("[?#].*", "");
        String id = decoded(path.substring(path.lastIndexOf('/') + 1));
        if (op.path().equals("/api/v1/exercises/{id}") && (answer.status() == 412 || op.method().equals("DELETE"))
                && createdExercises.containsKey(id)) {
            // read it again, as a client would after 412, so later writes can name the current version
            var current = send(id.startsWith(CLINIC + ".") ? "dr.lee" : "content.admin", "GET", "/api/v1/exercises/" + ApiFuzzer.encode(id), null);
            current.headers().firstValue("ETag").ifPresent(etag -> etags.put(id, etag));
        }
        if (answer.status() / 100 != 2) {
            return;
        }
        if (op.path().equals("/api/v1/exercises") && op.method().equals("POST")) {
            rememberCreated(request.caller(), answer);
        } else if (op.path().equals("/api/v1/exercises/{id}") && createdExercises.containsKey(id)) {
            answer.header("ETag").ifPresent(etag -> etags.put(id, etag));
        }
        answer.header("Link").ifPresent(link -> {
            Matcher next = Pattern.compile("[?&](cursor|before)=([^&>]+)").matcher(link);
            if (next.find()) {
                cursors.computeIfAbsent(op.key(), k -> new ConcurrentHashMap<>())
                        .put(next.group(1), decoded(next.group(2)));
            }
        });
    }

    static String decoded(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded; // a malformed escape the fuzz sent on purpose
        }
    }

    static void remember(String caller, HttpResponse<String> response) {
        rememberCreated(caller, new Answer(response.statusCode(), response.headers().map(), response.body(), 0, null));
    }

    static void rememberCreated(String caller, Answer answer) {
        try {
            String id = JSON.readTree(answer.body()).get("id").asString();
            createdExercises.put(id, caller);
            answer.header("ETag").ifPresent(etag -> etags.put(id, etag));
        } catch (Exception e) {
            // not the exercise document: nothing to keep
        }
    }

    /**
     * Retires what the fuzz created, so lists look as the other tests expect (retired exercises are not listed): each
     * exercise a create answered, and any listed one whose slug starts with {@code fuzz-}. Routine-service learns of
     * each retirement from its event; once published, the retired document is removed from the catalog's store, so the
     * store holds the library as seeded (other system tests count its built-in entries).
     */
    static void retireCreatedExercises() throws Exception {
        for (int page = 0; page < 50; page++) {
            JsonNode items = JSON.readTree(send("dr.lee", "GET", "/api/v1/exercises?size=100&page=" + page, null).body()).path("items");
            for (JsonNode item : items) {
                String id = item.get("id").asString();
                if (id.startsWith("fuzz-") || id.startsWith(CLINIC + ".fuzz-")) {
                    createdExercises.putIfAbsent(id, id.contains(".") ? "dr.lee" : "content.admin");
                }
            }
            if (items.size() < 100) {
                break;
            }
        }
        int retired = 0;
        for (var created : new TreeMap<>(createdExercises).entrySet()) {
            String path = "/api/v1/exercises/" + ApiFuzzer.encode(created.getKey());
            String owner = created.getKey().startsWith(CLINIC + ".") ? "dr.lee" : "content.admin";
            var current = send(owner, "GET", path, null);
            if (current.statusCode() != 200 || JSON.readTree(current.body()).path("retired").asBoolean(false)) {
                continue;
            }
            var request = HttpRequest.newBuilder(URI.create(config.gatewayUrl() + path)).timeout(CLIENT_TIMEOUT).DELETE()
                    .header("If-Match", current.headers().firstValue("ETag").orElse("\"0\""));
            var response = HTTP.send(request.header("Authorization", bearer(owner)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("retiring %s: %s", created.getKey(), response.body()).isIn(202, 204);
            retired++;
        }
        // exercises are never deleted through the API; the shared suite's store should hold the shipped library only
        long removed;
        try (MongoClient mongo = MongoClients.create(config.mongoUri())) {
            removed = mongo.getDatabase("catalog").getCollection("exercises").deleteMany(Filters.and(
                    Filters.in("_id", List.copyOf(createdExercises.keySet())), Filters.eq("retired", true),
                    Filters.eq("publication", "PUBLISHED"))).getDeletedCount();
        }
        System.out.printf("API fuzz: retired %d of the %d exercises it created, then removed %d retired ones from the store%n",
                retired, createdExercises.size(), removed);
    }

    /**
     * After the fuzz, other callers are served as before: each clinic composes a routine, lists exercises, reads a
     * patient's progress and the overview (what the fuzz stored must not break anybody else's calls).
     */
    static List<Failure> stillServingOthers() throws Exception {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("dr.lee POST /api/v1/routines", "{\"patientId\":\"" + DemoClinic.patientId(0) + "\",\"minutes\":10}");
        checks.put("dr.rivers POST /api/v1/routines", "{\"patientId\":\"fuzz-p1\",\"minutes\":10}");
        checks.put("dr.lee GET /api/v1/exercises?size=100", null);
        checks.put("dr.rivers GET /api/v1/exercises?size=100", null);
        checks.put("dr.lee GET /api/v1/patients/" + DemoClinic.patientId(0) + "/progress", null);
        checks.put("dr.lee GET /api/v1/clinics/" + CLINIC + "/patients", null);
        List<Failure> failures = new ArrayList<>();
        for (var check : checks.entrySet()) {
            String[] parts = check.getKey().split(" ");
            HttpResponse<String> response = null;
            // the retirements travel to routine-service as events: give them a little time
            for (int attempt = 0; attempt < 20 && (response == null || response.statusCode() / 100 != 2); attempt++) {
                if (response != null) {
                    Thread.sleep(500);
                }
                response = send(parts[0], parts[1], parts[2], check.getValue());
            }
            if (response.statusCode() / 100 != 2) {
                var request = new ApiFuzzer.Request(0, parts[1], parts[2], List.of(), check.getValue() == null ? null
                        : check.getValue().getBytes(StandardCharsets.UTF_8), parts[0], List.of("valid call after the fuzz"));
                failures.add(new Failure(parts[1] + " " + parts[2], request, "HTTP " + response.statusCode() + " after the fuzz: "
                        + ApiFuzzer.shorten(response.body(), 300), ""));
            }
        }
        return failures;
    }

    static HttpResponse<String> send(String user, String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(config.gatewayUrl() + path)).timeout(CLIENT_TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.header("Authorization", bearer(user)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Where a service's and the gateway's logs ended before a call, to show what they wrote about a failure. */
    static final class LogMark {
        final Path service;
        final Path gateway;
        final long serviceSize;
        final long gatewaySize;

        LogMark(String module) {
            service = config.dataDir().resolve("logs").resolve(module + ".log");
            gateway = config.dataDir().resolve("logs").resolve("gateway.log");
            serviceSize = size(service);
            gatewaySize = size(gateway);
        }

        String excerpt() {
            try {
                Thread.sleep(200); // the log appender may still be writing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return (interesting(service, serviceSize) + interesting(gateway, gatewaySize)).strip();
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return 0;
            }
        }

        /** The first error and its exception lines written since the mark (up to 25 lines). */
        private static String interesting(Path file, long from) {
            try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
                long length = Math.min(log.length() - from, 256 * 1024);
                if (length <= 0) {
                    return "";
                }
                byte[] bytes = new byte[(int) length];
                log.seek(from);
                log.readFully(bytes);
                List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
                int first = -1;
                for (int i = 0; i < lines.size() && first < 0; i++) {
                    if (lines.get(i).contains("ERROR") || lines.get(i).contains("Exception")) {
                        first = i;
                    }
                }
                if (first < 0) {
                    return "";
                }
                List<String> kept = lines.subList(first, Math.min(lines.size(), first + 25)).stream()
                        .filter(l -> !l.startsWith("\tat ") || l.contains("org.backtrack")).limit(14).toList();
                return file.getFileName() + ": " + String.join("\n", kept) + "\n";
            } catch (IOException e) {
                return "";
            }
        }
    }

    // --- report -----------------------------------------------------------------------------------------------

    static String report(Map<String, Tally> tallies, int calls, int rounds, int tries, double seconds, long seed, int failures) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "API fuzz: %d calls (%d of %d rounds) in %.1f s, %.0f calls/s, seed %d, %d failing%n%n",
                calls, rounds, tries, seconds, calls / seconds, seed, failures));
        out.append("| operation | calls | 2xx | 4xx | 5xx or none | 429 (retried) | answers | p50 | p99 | max |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (var entry : tallies.entrySet()) {
            Tally t = entry.getValue();
            Map<String, Integer> c = t.byClass;
            String answers = t.statuses.entrySet().stream().sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed())
                    .limit(5).map(e -> (e.getKey() < 0 ? "none" : e.getKey()) + "×" + e.getValue())
                    .collect(java.util.stream.Collectors.joining(" "));
            out.append(String.format(Locale.ROOT, "| `%s` | %d | %d | %d | %d | %d | %s | %.1f ms | %.1f ms | %.1f ms |%n",
                    entry.getKey(), t.nanos.size(), c.getOrDefault("2xx", 0), c.getOrDefault("4xx", 0) + c.getOrDefault("429", 0),
                    c.getOrDefault("5xx", 0) + c.getOrDefault("error", 0), t.throttled, answers,
                    t.percentile(0.5), t.percentile(0.99), t.percentile(1.0)));
        }
        return out.toString();
    }
}
