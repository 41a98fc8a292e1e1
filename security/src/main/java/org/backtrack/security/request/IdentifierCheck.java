package org.backtrack.security.request;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backtrack.events.Identifiers;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The identifier rule at the HTTP edge, before any handler or database sees a value: every path variable (all of
 * BackTrack's are identifiers) and every query parameter or header named as one ({@code patientId}, {@code
 * clinicId}, ..., {@code patient}) must obey {@link Identifiers}. Anything else answers 400 as a problem document
 * naming the field; the offending value is never echoed.
 */
public final class IdentifierCheck implements HandlerInterceptor {

    /** Headers that carry identifiers; none of BackTrack's APIs reads others as ids. */
    private static final String FHIR_PATIENT = "Patient/";

    static final java.util.List<String> ID_HEADERS = java.util.List.of("X-Patient-Id", "X-Clinic-Id");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        Optional<String> bad = firstInvalid(request);
        if (bad.isPresent()) {
            SecurityProblems.writeInvalidField(request, response, bad.get(), Identifiers.RULE);
            return false;
        }
        return true;
    }

    static Optional<String> firstInvalid(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (var variable : variables.entrySet()) {
                if (!Identifiers.isValid((String) variable.getValue())) {
                    return Optional.of((String) variable.getKey());
                }
            }
        }
        for (var parameter : request.getParameterMap().entrySet()) {
            if (namesIdentifier(parameter.getKey())) {
                for (String value : parameter.getValue()) {
                    if (!Identifiers.isValid(withoutFhirType(parameter.getKey(), value))) {
                        return Optional.of(parameter.getKey());
                    }
                }
            }
        }
        for (String header : ID_HEADERS) {
            String value = request.getHeader(header);
            if (value != null && !Identifiers.isValid(value)) {
                return Optional.of(header);
            }
        }
        return Optional.empty();
    }

    /**
     * FHIR's {@code patient} search parameter names a patient by id or by relative reference ({@code Patient/<id>}):
     * the id is what obeys the rule, so {@code Patient/../x} or {@code Patient/a/b} is still refused.
     */
    static String withoutFhirType(String parameter, String value) {
        return parameter.equals("patient") && value.startsWith(FHIR_PATIENT) ? value.substring(FHIR_PATIENT.length()) : value;
    }

    /** {@code patientId}, {@code clinicId}, {@code id}, FHIR's {@code patient}: names our APIs give identifiers. */
    static boolean namesIdentifier(String name) {
        return name.equals("id") || name.equals("patient") || (name.endsWith("Id") && name.length() > 2);
    }
}
