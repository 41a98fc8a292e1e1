package org.backtrack.progress;

import org.backtrack.progress.assessment.ProgressAssessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * progress-service's one progress assessor, set once to the prescription adherence is measured against: the overview,
 * the patient's document and the published status all judge with it.
 */
@Configuration(proxyBeanMethods = false)
class AssessmentConfiguration {

    @Bean
    ProgressAssessor progressAssessor(@Value("${backtrack.progress.prescribed-sessions-per-week}") int prescribedPerWeek) {
        return new ProgressAssessor(prescribedPerWeek);
    }
}
