package org.backtrack.progress.webhooks;

import org.backtrack.progress.webhooks.rules.DisablePolicy;
import org.backtrack.progress.webhooks.rules.EndpointUrlPolicy;
import org.backtrack.progress.webhooks.rules.RetrySchedule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.HashSet;

/** The webhooks' rules as configured, the secret cipher and the HTTP client. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    /** The plain-Java rules with their configured values. */
    record Rules(RetrySchedule schedule, DisablePolicy disablePolicy, EndpointUrlPolicy urlPolicy, int maxPerClinic) {
    }

    @Bean
    Rules webhookRules(WebhookProperties properties) {
        RetrySchedule schedule = properties.retrySchedule() == null || properties.retrySchedule().isEmpty()
                ? RetrySchedule.DEFAULT : new RetrySchedule(properties.retrySchedule());
        return new Rules(schedule, new DisablePolicy(properties.disableAfterExhausted(), properties.disableAfterFailing()),
                new EndpointUrlPolicy(new HashSet<>(properties.allowedHosts()), InetAddress::getAllByName), properties.maxPerClinic());
    }

    @Bean
    WebhookSecrets webhookSecrets(WebhookProperties properties) {
        SecureRandom random = new SecureRandom();
        return new WebhookSecrets(new SecretCipher(properties.encryptionKey(), random), random, properties.rotationGrace());
    }

    @Bean(destroyMethod = "close")
    WebhookHttp webhookHttp(Rules rules, WebhookProperties properties) {
        return new WebhookHttp(rules.urlPolicy(), properties.connectTimeout(), properties.responseTimeout(),
                properties.requestTimeout(), properties.maxResponseBytes(), Math.max(4, properties.concurrency() * 2));
    }
}
