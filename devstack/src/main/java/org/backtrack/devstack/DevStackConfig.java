package org.backtrack.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where things live and which ports they use. Each value can be set as {@code --name=value} on the command
 * line or as the environment variable {@code BACKTRACK_NAME} (upper case, dashes as underscores).
 *
 * @param home        the repository root, where {@code <service>/target/<service>-*.jar} are found
 * @param dataDir     where the broker's log, the MongoDB file and the logs are kept
 * @param libDir      the jars of the devstack module (the Kafka broker runs from them)
 * @param seedPatients number of demo patients to seed on first start (0 = none)
 * @param serviceJvmOptions options of every service JVM (space-separated in {@code --service-jvm-options})
 * @param kafkaSecurity how Kafka clients prove who they are ({@code --kafka-security=none|scram})
 * @param classDataSharing whether services start from a class-data-sharing archive their previous run left
 *                         ({@code --class-data-sharing=true}, the command line's default; off for tests, whose data
 *                         directories are new each time)
 */
public record DevStackConfig(Path home, Path dataDir, Path libDir, String host, int kafkaPort, int controllerPort,
                             int mongoPort, int gatewayPort, int catalogPort, int routinePort, int progressPort,
                             int issuerPort, int seedPatients, int partitions, List<String> serviceJvmOptions,
                             KafkaSecurity kafkaSecurity, boolean classDataSharing) {

    public static final int DEFAULT_SEED_PATIENTS = 20;
    /**
     * Quick start and a small footprint: six JVMs share two cores on a laptop-sized machine. C1 only (peak speed is
     * traded for start-up and a smaller code cache); a small initial heap the serial collector grows on demand; small
     * thread stacks. No tight heap free-ratio bounds: with them the old generation ran nine tenths full under load and
     * progress-service spent a fifth of an ingestion run in full collections (docs/benchmarks.md).
     */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-Xms24m", "-Xmx256m",
            "-XX:+UseSerialGC", "-Xss512k", "-XX:ReservedCodeCacheSize=48m");

    public DevStackConfig {
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    public DevStackConfig(Path home, Path dataDir, Path libDir, String host, int kafkaPort, int controllerPort,
                          int mongoPort, int gatewayPort, int catalogPort, int routinePort, int progressPort,
                          int issuerPort, int seedPatients, int partitions, List<String> serviceJvmOptions,
                          KafkaSecurity kafkaSecurity) {
        this(home, dataDir, libDir, host, kafkaPort, controllerPort, mongoPort, gatewayPort, catalogPort, routinePort,
                progressPort, issuerPort, seedPatients, partitions, serviceJvmOptions, kafkaSecurity, false);
    }

    /** The plaintext broker of the demo default. */
    public DevStackConfig(Path home, Path dataDir, Path libDir, String host, int kafkaPort, int controllerPort,
                          int mongoPort, int gatewayPort, int catalogPort, int routinePort, int progressPort,
                          int issuerPort, int seedPatients, int partitions, List<String> serviceJvmOptions) {
        this(home, dataDir, libDir, host, kafkaPort, controllerPort, mongoPort, gatewayPort, catalogPort, routinePort,
                progressPort, issuerPort, seedPatients, partitions, serviceJvmOptions, KafkaSecurity.NONE);
    }

    public static DevStackConfig from(String[] args, Map<String, String> env) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'; options look like --kafka-port=9092");
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        var values = new Values(options, env);
        Path home = Path.of(values.get("home", ".")).toAbsolutePath().normalize();
        return new DevStackConfig(home,
                Path.of(values.get("data-dir", home.resolve(".backtrack").toString())).toAbsolutePath(),
                Path.of(values.get("lib-dir", home.resolve("devstack/target/lib").toString())).toAbsolutePath(),
                values.get("host", "127.0.0.1"),
                values.port("kafka-port", 9092), values.port("controller-port", 9093), values.port("mongo-port", 27017),
                values.port("gateway-port", 8080), values.port("catalog-port", 8081), values.port("routine-port", 8082),
                values.port("progress-port", 8083), values.port("issuer-port", 9000),
                Integer.parseInt(values.get("seed-patients", String.valueOf(DEFAULT_SEED_PATIENTS))),
                Integer.parseInt(values.get("partitions", "6")),
                List.of(values.get("service-jvm-options", String.join(" ", DEFAULT_SERVICE_JVM_OPTIONS)).trim().split("\\s+")),
                KafkaSecurity.parse(values.get("kafka-security", KafkaSecurity.NONE.optionValue())),
                values.flag("class-data-sharing", true));
    }

    public String kafkaBootstrap() {
        return host + ":" + kafkaPort;
    }

    public String mongoUri() {
        return "mongodb://" + host + ":" + mongoPort;
    }

    public String gatewayUrl() {
        return "http://" + host + ":" + gatewayPort;
    }

    /** The local OIDC issuer, exactly as tokens name it (iss). */
    public String issuerUrl() {
        return "http://" + host + ":" + issuerPort;
    }

    private record Values(Map<String, String> options, Map<String, String> env) {
        String get(String name, String fallback) {
            String fromArgs = options.get(name);
            if (fromArgs != null) {
                return fromArgs;
            }
            return env.getOrDefault("BACKTRACK_" + name.toUpperCase().replace('-', '_'), fallback);
        }

        boolean flag(String name, boolean fallback) {
            String value = get(name, String.valueOf(fallback));
            if (value.equals("true") || value.equals("false")) {
                return Boolean.parseBoolean(value);
            }
            throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
        }

        int port(String name, int fallback) {
            String value = get(name, String.valueOf(fallback));
            try {
                int port = Integer.parseInt(value);
                if (port > 0 && port < 65536) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }
}
