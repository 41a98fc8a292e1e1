package org.backtrack.progress.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one FhirContext of the service (building one scans the R4 model: about a second, done once). */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }
}
