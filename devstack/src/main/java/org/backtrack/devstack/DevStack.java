package org.backtrack.devstack;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.backtrack.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts the whole suite on the embedded default and stops every part cleanly, in reverse order.
 * {@code ./backtrack up} runs {@link #main}; the system test drives {@link #start} and {@link #close}.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class DevStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevStack.class);

    /** The shared topics (the first three for the welcome text), their dead letters, then each demo clinic's ingress topic and its dead letters. */
    static final List<String> TOPICS = topics();
    static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(3);
    static final String SEEDED_MARKER = "demo-clinic-seeded";

    private final DevStackConfig config;
    private MongoStore mongo;
    private KafkaBroker kafka;
    private final List<ServiceProcess> services = new ArrayList<>();
    /** How each service instance was launched (by its name), to launch it again the same way after a crash. */
    private final Map<String, Launch> launches = new LinkedHashMap<>();

    /** @param module the service's module (its jar); the instance's name is the module's, or {@code <module>-N} for a further one */
    private record Launch(String module, int port, List<String> properties, Map<String, String> environment) {
    }
    private boolean closed;
    private final Map<String, Duration> startTimes = new LinkedHashMap<>();
    private final Map<String, Long> pids = new LinkedHashMap<>();

    private final StartProgress progress;
    /** The provider in place of the local issuer, or null for the demo (local issuer, profile demo). */
    private final OidcProvider provider;

    /** The Spring profile of the demo, in which the local issuer's published dev-* client secrets are accepted. */
    static final String DEMO_PROFILE = "--spring.profiles.active=demo";

    /** Holds the running launcher's process id, for {@code ./backtrack status} and {@code ./backtrack down}. */
    static final String PID_FILE = "devstack.pid";
    /** What the ready launcher printed (URLs, accounts, figures), for {@code ./backtrack status}. */
    static final String STATUS_FILE = "running.txt";

    /** The demo accounts' password, set in local-issuer's application.yml. */
    public static final String DEMO_PASSWORD = "backtrack-demo";

    public static void main(String[] args) {
        DevStack stack;
        try {
            stack = new DevStack(DevStackConfig.from(args, System.getenv()), StartProgress.onConsole(), null);
        } catch (IllegalArgumentException e) {
            System.err.println("backtrack: " + e.getMessage());
            System.exit(2);
            return;
        }
        // registered before anything starts, so Ctrl-C during start-up stops what is already running
        Thread stopper = new Thread(() -> {
            if (stack.hasStartedAnything()) {
                System.out.println("\nStopping BackTrack…");
                stack.close();
                System.out.println("Stopped. Data kept in " + stack.config.dataDir());
            }
        }, "devstack-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            stack.startAll();
        } catch (Exception e) {
            // the details (a log tail) first, then one line naming the part, the reason and the log to read
            System.err.println("backtrack: " + (e instanceof DevStackException ? e.getMessage() : "start-up failed: " + e));
            System.exit(e instanceof DevStackException ? 2 : 1); // the hook stops what was started
            return;
        }
        stack.printWelcome();
        try {
            new CountDownLatch(1).await(); // until Ctrl-C or SIGTERM runs the hook
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static DevStack start(DevStackConfig config) throws Exception {
        return start(config, null);
    }

    /** The suite signing in through {@code provider} instead of the local issuer (null: the local issuer), for tests. */
    public static DevStack start(DevStackConfig config, OidcProvider provider) throws Exception {
        DevStack stack = new DevStack(config, StartProgress.logged(), provider);
        try {
            stack.startAll();
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        Files.createDirectories(config.dataDir().resolve("logs"));
        claimDataDirectory();
        PortCheck.requireFree(config);
        if (config.classDataSharing()) {
            ClassDataSharing.trainMissing(ClassDataSharing.SERVICE_MODULES, config, progress);
        }
        launchedAt = System.nanoTime();
        // the issuer and the gateway need neither store nor broker: they start while the broker does
        launchIssuerAndGateway();
        startInfrastructure();
        launchKafkaServices();
        awaitServices();
        seedOnce();
    }

    /** One launcher per data directory: a second would corrupt the broker's log and the MongoDB file. */
    private void claimDataDirectory() throws IOException {
        Path pidFile = config.dataDir().resolve(PID_FILE);
        if (Files.exists(pidFile)) {
            String recorded = Files.readString(pidFile).trim();
            boolean alive = recorded.matches("\\d{1,10}") && ProcessHandle.of(Long.parseLong(recorded)).map(ProcessHandle::isAlive).orElse(false);
            if (alive && Long.parseLong(recorded) != ProcessHandle.current().pid()) {
                throw new DevStackException("BackTrack is already running on " + config.dataDir() + " (pid " + recorded
                        + "); ./backtrack status shows it, ./backtrack down stops it");
            }
        }
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        synchronized (this) {
            claimedDataDirectory = true;
        }
    }

    private boolean claimedDataDirectory;

    private void startInfrastructure() throws Exception {
        long t0 = System.nanoTime();
        progress.phase("Starting the MongoDB-wire server and the Kafka broker (data in " + config.dataDir() + ")");
        MongoStore mongo = MongoStore.start(mongoFile(), config.host(), config.mongoPort());
        synchronized (this) {
            this.mongo = mongo;
        }
        progress.phase("MongoDB-wire server ready on " + config.mongoUri());
        KafkaBroker kafka = KafkaBroker.start(config);
        synchronized (this) {
            this.kafka = kafka;
            if (closed) {
                kafka.close();
                throw new DevStackException("stopped during start-up");
            }
        }
        kafka.ensureTopics(TOPICS, config.partitions());
        startTimes.put("kafka", Duration.ofNanos(System.nanoTime() - t0));
        pids.put("kafka", kafka.pid());
        progress.phase("Kafka broker (KRaft) ready on " + config.kafkaBootstrap());
    }

    private static List<String> topics() {
        List<String> topics = new ArrayList<>(Topics.ALL);
        Topics.ALL.forEach(topic -> topics.add(Topics.deadLetterOf(topic)));
        for (String clinic : DemoClinic.CLINIC_IDS) {
            topics.add(Topics.ingressOf(clinic));
            topics.add(Topics.ingressOf(clinic) + Topics.DEAD_LETTER_SUFFIX);
        }
        return List.copyOf(topics);
    }

    /** When the first part was launched; every part's start time counts from here. */
    private long launchedAt;

    private void launchIssuerAndGateway() throws IOException {
        // the routes are added at each launch of the gateway (gatewayRoutes): they follow the instances running then
        if (provider != null) {
            progress.phase("Starting the gateway, signing in through " + provider.issuerUrl());
            launch("gateway", config.gatewayPort(), provider.gatewayProperties(), provider.gatewayEnvironment());
            return;
        }
        progress.phase("Starting local-issuer and gateway (logs in " + config.dataDir().resolve("logs") + ")");
        launch("local-issuer", config.issuerPort(), List.of(
                "--backtrack.issuer.url=" + config.issuerUrl(),
                "--backtrack.issuer.gateway-url=" + config.gatewayUrl()), Map.of());
        launch("gateway", config.gatewayPort(), List.of("--backtrack.issuer.url=" + config.issuerUrl()), Map.of());
    }

    /** The gateway's routes to the instances launched now: every routine-service instance, in launch order. */
    private synchronized List<String> gatewayRoutes() {
        List<Integer> routine = new ArrayList<>(List.of(config.routinePort()));
        launches.forEach((name, launch) -> {
            if (launch.module().equals(ROUTINE_SERVICE) && !name.equals(ROUTINE_SERVICE)) {
                routine.add(launch.port());
            }
        });
        return gatewayRoutes(config.host(), config.catalogPort(), routine, config.progressPort());
    }

    /**
     * The gateway's settings that address the services: one URL each, or for several routine-service instances the
     * load-balanced {@code lb://routine-service} and the instances listed for Spring Cloud's simple discovery client.
     */
    static List<String> gatewayRoutes(String host, int catalogPort, List<Integer> routinePorts, int progressPort) {
        String http = "http://" + host + ":";
        List<String> routes = new ArrayList<>(List.of("--backtrack.services.catalog-url=" + http + catalogPort,
                "--backtrack.services.progress-url=" + http + progressPort));
        if (routinePorts.size() == 1) {
            routes.add("--backtrack.services.routine-url=" + http + routinePorts.get(0));
            return routes;
        }
        routes.add("--backtrack.services.routine-url=lb://" + ROUTINE_SERVICE);
        for (int i = 0; i < routinePorts.size(); i++) {
            routes.add("--spring.cloud.discovery.client.simple.instances." + ROUTINE_SERVICE + "[" + i + "].uri=" + http + routinePorts.get(i));
        }
        return routes;
    }

    private static final String ROUTINE_SERVICE = "routine-service";
    private static final String GATEWAY = "gateway";

    private void launchKafkaServices() throws IOException {
        progress.phase("Starting catalog-service, routine-service and progress-service");
        String http = "http://" + config.host() + ":";
        List<String> backing = new ArrayList<>(List.of("--spring.mongodb.uri=" + config.mongoUri(),
                "--spring.kafka.bootstrap-servers=" + config.kafkaBootstrap(),
                "--backtrack.topics.partitions=" + config.partitions()));
        if (provider == null) {
            backing.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + config.issuerUrl());
        } else {
            backing.addAll(provider.resourceServerProperties());
        }
        launch("catalog-service", config.catalogPort(), backing, kafkaLogin(KafkaAccess.CATALOG));
        List<String> withCatalog = new ArrayList<>(backing);
        withCatalog.add("--backtrack.catalog.url=" + http + config.catalogPort());
        launch(ROUTINE_SERVICE, config.routinePort(), withCatalog, kafkaLogin(KafkaAccess.ROUTINE));
        // its catalog comes from backtrack.catalog; webhooks may reach loopback receivers over http (local tests), and
        // their secrets are encrypted under a key made once per data directory
        List<String> withWebhooks = new ArrayList<>(backing);
        withWebhooks.add("--backtrack.webhooks.allowed-hosts=127.0.0.1,localhost,[::1]");
        // the FHIR CarePlan asks routine-service; FHIR links name the gateway, where clients reach the API
        withWebhooks.add("--backtrack.routine.url=" + http + config.routinePort());
        withWebhooks.add("--backtrack.fhir.base-url=" + config.gatewayUrl() + "/fhir/r4");
        Map<String, String> progressEnvironment = new java.util.HashMap<>(kafkaLogin(KafkaAccess.PROGRESS));
        progressEnvironment.put(WebhookSecretsKey.VARIABLE, WebhookSecretsKey.of(config.dataDir()));
        launch("progress-service", config.progressPort(), withWebhooks, progressEnvironment);
    }

    private void awaitServices() throws Exception {
        long t0 = launchedAt;
        List<ServiceProcess> services;
        synchronized (this) {
            services = List.copyOf(this.services);
        }
        ExecutorService waiters = Executors.newFixedThreadPool(services.size());
        try {
            List<Future<?>> ready = new ArrayList<>();
            for (ServiceProcess service : services) {
                ready.add(waiters.submit(() -> {
                    service.awaitHealthy(SERVICE_START_TIMEOUT);
                    Duration took = Duration.ofNanos(System.nanoTime() - t0);
                    synchronized (startTimes) {
                        startTimes.put(service.name(), took);
                        pids.put(service.name(), service.pid());
                    }
                    progress.phase(service.name() + " is up");
                    return null;
                }));
            }
            for (Future<?> future : ready) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            waiters.shutdownNow();
        }
    }

    private void launch(String module, int port, List<String> settings, Map<String, String> environment) throws IOException {
        List<String> properties = new ArrayList<>(settings);
        if (provider == null) {
            properties.add(DEMO_PROFILE);
        }
        Launch launch = new Launch(module, port, List.copyOf(properties), Map.copyOf(environment));
        synchronized (this) {
            launches.put(module, launch);
        }
        track(start(module, launch));
    }

    private ServiceProcess start(String name, Launch launch) throws IOException {
        List<String> properties = launch.module().equals(GATEWAY) ? new ArrayList<>(gatewayRoutes()) : new ArrayList<>();
        properties.addAll(launch.properties());
        return ServiceProcess.start(name, launch.module(), launch.port(), properties, launch.environment(), config);
    }

    /**
     * Launches one more instance of a service already launched, with the same settings on its own port and with its
     * own log, without waiting for it ({@link #awaitHealthy}). It joins the service's consumer groups and shares its
     * database; it is stopped, killed and restarted by the name returned ({@code <module>-2}, {@code -3}, …). The
     * gateway reaches a further routine-service instance once the gateway is launched again
     * ({@code restartService("gateway")}), which then shares the requests between all of them. For scale-out tests.
     */
    public String launchInstance(String module, int port) throws IOException {
        String name;
        Launch launch;
        synchronized (this) {
            Launch first = launches.get(module);
            if (first == null) {
                throw new DevStackException("no service " + module);
            }
            int n = 2;
            while (launches.containsKey(module + "-" + n)) {
                n++;
            }
            name = module + "-" + n;
            launch = new Launch(module, port, first.properties(), first.environment());
            launches.put(name, launch);
        }
        track(start(name, launch));
        return name;
    }

    /** Waits until the named service instance reports UP. */
    public void awaitHealthy(String name) throws InterruptedException {
        ServiceProcess service;
        synchronized (this) {
            service = services.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new DevStackException("no service " + name));
        }
        service.awaitHealthy(SERVICE_START_TIMEOUT);
    }

    /**
     * Spring Boot's Kafka settings with which a service logs in as its own principal; none on the plaintext broker.
     * Environment variables, not arguments: the password stays out of the process list.
     */
    private Map<String, String> kafkaLogin(String principal) {
        KafkaCredentials credentials = kafkaCredentials();
        if (credentials == null) {
            return Map.of();
        }
        return Map.of("SPRING_KAFKA_SECURITY_PROTOCOL", KafkaCredentials.SECURITY_PROTOCOL,
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", KafkaCredentials.MECHANISM,
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", credentials.jaasConfig(principal));
    }

    private synchronized KafkaCredentials kafkaCredentials() {
        return kafka == null ? null : kafka.credentials().orElse(null);
    }

    private synchronized boolean hasStartedAnything() {
        return mongo != null || kafka != null || !services.isEmpty();
    }

    /** Stops the broker, as an outage would (or {@link #close}); the data stays in the data directory. For tests. */
    public synchronized void stopKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** Starts the broker again on the same ports and log directory. For tests. */
    public synchronized void startKafka() throws Exception {
        if (kafka == null) {
            kafka = KafkaBroker.start(config);
        }
    }

    /** Stops one service, as an outage would; for tests of what the others do meanwhile. */
    public synchronized void stopService(String module) {
        services.stream().filter(s -> s.name().equals(module)).forEach(ServiceProcess::close);
    }

    /** Kills one service with SIGKILL, as a crash would. For fault tests. */
    public synchronized void killService(String module) {
        services.stream().filter(s -> s.name().equals(module)).forEach(ServiceProcess::kill);
    }

    /**
     * Launches a stopped or killed service instance again as it was first launched (the gateway with routes to the
     * instances launched now), and waits until it is healthy.
     */
    public void restartService(String module) throws Exception {
        ServiceProcess restarted;
        synchronized (this) {
            Launch launch = launches.get(module);
            if (launch == null) {
                throw new DevStackException("no service " + module);
            }
            services.stream().filter(s -> s.name().equals(module)).forEach(ServiceProcess::close);
            restarted = start(module, launch);
            services.replaceAll(s -> s.name().equals(module) ? restarted : s);
        }
        restarted.awaitHealthy(SERVICE_START_TIMEOUT);
        synchronized (startTimes) {
            pids.put(module, restarted.pid());
        }
    }

    /** Stops the MongoDB-wire server, as an outage would (or {@link #close}); its data file is closed cleanly and kept. For tests. */
    public synchronized void stopMongo() {
        if (mongo != null) {
            mongo.close();
            mongo = null;
        }
    }

    /** Starts the MongoDB-wire server again on the same port and data file. For tests. */
    public synchronized void startMongo() throws IOException {
        if (mongo == null) {
            mongo = MongoStore.start(mongoFile(), config.host(), config.mongoPort());
        }
    }

    private Path mongoFile() {
        return config.dataDir().resolve("mongo").resolve("backtrack.mv");
    }

    /** Process ids of the broker and each service, for resource figures. */
    public synchronized Map<String, Long> pids() {
        Map<String, Long> all = new LinkedHashMap<>(pids);
        if (kafka != null) {
            all.put("kafka", kafka.pid());
        }
        services.forEach(s -> all.put(s.name(), s.pid()));
        return all;
    }

    /** Keeps a started child for {@link #close}; a child started after close is stopped right away. */
    private synchronized void track(ServiceProcess service) {
        if (closed) {
            service.close();
            throw new DevStackException("stopped during start-up");
        }
        services.add(service);
    }

    private void seedOnce() throws Exception {
        Path marker = config.dataDir().resolve(SEEDED_MARKER);
        // the demo clinic is seeded through the local issuer's demo accounts
        if (provider != null || config.seedPatients() <= 0 || Files.exists(marker)) {
            return;
        }
        int sessions = DemoSeeder.seed(config.gatewayUrl(), config.issuerUrl(), config.seedPatients(), progress);
        Files.writeString(marker, sessions + " sessions of " + config.seedPatients() + " patients\n");
    }

    /** One line per part: seconds to ready and resident memory now, for docs/benchmarks.md and operators. */
    String startupReport() {
        StringBuilder report = new StringBuilder("  part               ready after   RSS now\n");
        Map<String, Long> allPids = new LinkedHashMap<>(pids);
        allPids.put("devstack (+MongoDB-wire)", ProcessHandle.current().pid());
        allPids.forEach((part, pid) -> {
            Duration ready = startTimes.get(part);
            var rss = ProcessStats.rssMegabytes(pid);
            report.append(String.format("  %-24s %7s   %s%n", part,
                    ready == null ? "-" : String.format("%.1f s", ready.toMillis() / 1000.0),
                    rss.isPresent() ? rss.getAsLong() + " MB" : "n/a"));
        });
        return report.toString();
    }

    private void printWelcome() {
        progress.phase("Ready");
        String report = "\nStart-up (issuer and gateway start with the broker, the other services once it is ready):\n" + startupReport();
        System.out.println(report);
        String gateway = config.gatewayUrl();
        KafkaCredentials credentials = kafkaCredentials();
        String kafkaAccess = credentials == null ? "plaintext, no authorization"
                : "SASL/SCRAM-SHA-256 and ACLs; principals' passwords in " + credentials.file();
        String welcome = """

                BackTrack is running.
                  Dashboard        %s/   sign in as dr.lee (clinician) or admin.kim (clinic admin), password %s
                  API (gateway)    %s/api/v1/...   e.g. %s/api/v1/patients/%s/progress
                  Token for curl   curl -s -X POST %s/dev/token -d username=dr.lee -d password=%s
                                   other demo users: patient-01 (patient), dr.rivers (another clinic), content.admin (built-in catalog)
                  OIDC issuer      %s/.well-known/openid-configuration
                  Health           %s/actuator/health
                  Services         catalog :%d  routine :%d  progress :%d  (OpenAPI at /v3/api-docs on each)
                  Kafka broker     %s   (topics: %s)
                                   %s
                  MongoDB wire     %s   (databases catalog, routine, progress)
                  Data and logs    %s
                Press Ctrl-C to stop (or ./backtrack down); data is kept for the next start.
                """.formatted(gateway, DEMO_PASSWORD, gateway, gateway, DemoClinic.patientId(1), config.issuerUrl(), DEMO_PASSWORD,
                config.issuerUrl(), gateway,
                config.catalogPort(), config.routinePort(), config.progressPort(), config.kafkaBootstrap(),
                String.join(", ", TOPICS.subList(0, 4)), kafkaAccess, config.mongoUri(), config.dataDir());
        System.out.println(welcome);
        try {
            Files.writeString(config.dataDir().resolve(STATUS_FILE), "Started " + java.time.Instant.now() + " (pid "
                    + ProcessHandle.current().pid() + ")\n" + report + welcome);
        } catch (IOException e) {
            log.warn("Could not write {}: {}", STATUS_FILE, e.toString());
        }
    }

    /** Seconds from launch to ready, per part (kafka: broker and topics; services: since all were launched). */
    public Map<String, Duration> startTimes() {
        return Map.copyOf(startTimes);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (claimedDataDirectory) {
            try {
                Files.deleteIfExists(config.dataDir().resolve(STATUS_FILE));
            } catch (IOException e) {
                log.warn("Could not remove {}: {}", STATUS_FILE, e.toString());
            }
        }
        // all at once: each may spend seconds writing its class-data archive on the way out
        services.forEach(ServiceProcess::requestStop);
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
        stopKafka();
        stopMongo();
        if (claimedDataDirectory) {
            try {
                Files.deleteIfExists(config.dataDir().resolve(PID_FILE));
            } catch (IOException e) {
                log.warn("Could not remove {}: {}", PID_FILE, e.toString());
            }
        }
    }
}
