package org.backtrack.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fails fast, naming the port and its purpose, when something else already listens there. */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(DevStackConfig config) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka broker (--kafka-port)", config.kafkaPort());
        ports.put("Kafka controller (--controller-port)", config.controllerPort());
        ports.put("MongoDB-wire server (--mongo-port)", config.mongoPort());
        ports.put("gateway (--gateway-port)", config.gatewayPort());
        ports.put("catalog-service (--catalog-port)", config.catalogPort());
        ports.put("routine-service (--routine-port)", config.routinePort());
        ports.put("progress-service (--progress-port)", config.progressPort());
        ports.put("local OIDC issuer (--issuer-port)", config.issuerPort());
        for (var entry : ports.entrySet()) {
            try (ServerSocket socket = new ServerSocket(entry.getValue(), 1, InetAddress.getByName(config.host()))) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new DevStackException("Port " + entry.getValue() + " on " + config.host() + " is already in use; it is needed for the "
                        + entry.getKey() + ". Stop whatever listens there (is another `./backtrack up` running?) "
                        + "or choose another port, e.g. ./backtrack up " + flag(entry.getKey()) + "=" + (entry.getValue() + 100) + ".");
            }
        }
    }

    private static String flag(String description) {
        return description.substring(description.indexOf("(") + 1, description.indexOf(")"));
    }
}
