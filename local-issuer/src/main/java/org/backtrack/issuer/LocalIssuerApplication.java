package org.backtrack.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The embedded default's OpenID Connect provider: demo users for every BackTrack role, the dashboard's login, and
 * client credentials for machines. A clinic runs its own provider instead; services only need its issuer URL.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LocalIssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LocalIssuerApplication.class, args);
    }
}
