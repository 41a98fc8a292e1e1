package org.backtrack.devstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The SCRAM passwords of the broker's principals, one line each in a properties file of the data directory
 * (readable by its owner only). A principal without a password gets a random one; {@link #saveIfGenerated} keeps it once the
 * broker knows it, so later starts reuse it.
 */
final class KafkaCredentials {

    static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    static final String MECHANISM = "SCRAM-SHA-256";
    static final String SCRAM_LOGIN_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Map<String, String> passwords;
    private final List<String> generated;

    private KafkaCredentials(Path file, Map<String, String> passwords, List<String> generated) {
        this.file = file;
        this.passwords = passwords;
        this.generated = generated;
    }

    static KafkaCredentials load(Path file, List<String> principals) throws IOException {
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                stored.load(reader);
            }
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        List<String> generated = new ArrayList<>();
        for (String principal : principals) {
            String password = stored.getProperty(principal);
            if (password == null) {
                password = randomPassword();
                generated.add(principal);
            }
            passwords.put(principal, password);
        }
        return new KafkaCredentials(file, passwords, List.copyOf(generated));
    }

    /** Base64url: no character that needs quoting in a JAAS line or in the storage tool's {@code [name=,password=]}. */
    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Path file() {
        return file;
    }

    String password(String principal) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka principal " + principal);
        }
        return password;
    }

    /** Principals whose password was made by this load, so the broker does not know it yet. */
    List<String> generated() {
        return generated;
    }

    /** The {@code sasl.jaas.config} with which a client logs in as this principal. */
    String jaasConfig(String principal) {
        return jaasLine(SCRAM_LOGIN_MODULE, principal, password(principal), "");
    }

    /** Kafka client settings (producer, consumer, admin) that log in as this principal. */
    Map<String, Object> clientProperties(String principal) {
        return Map.of("security.protocol", SECURITY_PROTOCOL, "sasl.mechanism", MECHANISM, "sasl.jaas.config", jaasConfig(principal));
    }

    /** A JAAS line; {@code extra} holds further options (a PLAIN server's user list). */
    static String jaasLine(String loginModule, String username, String password, String extra) {
        return loginModule + " required username=\"" + username + "\" password=\"" + password + "\"" + extra + ";";
    }

    /**
     * {@code --add-scram} options of {@code kafka-storage format}: every credential is in the log from its first record.
     * The tool takes passwords on its command line only, visible to local users for the seconds it runs.
     */
    List<String> storageToolArguments() {
        List<String> arguments = new ArrayList<>();
        passwords.forEach((principal, password) -> {
            arguments.add("--add-scram");
            arguments.add(MECHANISM + "=[name=" + principal + ",password=" + password + "]");
        });
        return arguments;
    }

    /** Keeps the passwords this load generated, once the broker knows them; the file is left alone otherwise. */
    void saveIfGenerated() throws IOException {
        if (generated.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("# " + MECHANISM + " passwords of the devstack's Kafka principals (generated; keep private)\n");
        passwords.forEach((principal, password) -> text.append(principal).append('=').append(password).append('\n'));
        writeOwnerOnly(file, text.toString());
    }

    /** Writes a file that holds passwords: readable by its owner only where the file system has POSIX permissions. */
    static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(temporary, content);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
