package org.backtrack.progress.ingestion;

import org.backtrack.contract.SessionContractConfiguration;
import org.backtrack.deadletters.DeadLetterConfiguration;
import org.backtrack.tracing.TracingConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Error policy of the session consumer and the ingress bridge: BackTrack's one dead-letter mechanism
 * ({@link DeadLetterConfiguration}). An event that breaks the contract or its limits, or whose write fails in a way
 * retrying cannot fix, is dead-lettered at once with the reason; anything else (MongoDB down, a timeout) is retried
 * with back-off for as long as it takes, so a valid session is never dead-lettered and its offset is never committed
 * before its write succeeded. A dead letter that cannot be written pauses its partition visibly.
 */
@Configuration(proxyBeanMethods = false)
@Import({DeadLetterConfiguration.class, SessionContractConfiguration.class, TracingConfiguration.class})
class KafkaConfiguration {
}
