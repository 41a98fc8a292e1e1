package org.backtrack.routine.sessions;

import org.backtrack.contract.SessionContractConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Sessions are decoded as progress-service decodes them ({@link SessionContractConfiguration}), so none it accepts is dead-lettered there. */
@Configuration(proxyBeanMethods = false)
@Import(SessionContractConfiguration.class)
class SessionConfiguration {
}
