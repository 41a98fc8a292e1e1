package org.backtrack.issuer;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Optional;

/** The issuer's name, where the dashboard lives, and the demo accounts and machine clients. */
@ConfigurationProperties("backtrack.issuer")
public record IssuerProperties(String url, String gatewayUrl, List<DemoUser> users, List<Client> clients) {

    /** A person: the claims BackTrack reads (clinic, patient, roles) come from here. */
    public record DemoUser(String username, String password, String clinicId, String patientId, List<String> roles) {
    }

    /** A registered client; a client-credentials client may speak for one clinic. */
    public record Client(String clientId, String secret, String grant, String clinicId) {
    }

    Optional<DemoUser> user(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    Optional<Client> client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
    }
}
