package org.backtrack.progress.web;

import org.backtrack.problems.Problems;
import org.backtrack.progress.UnavailableException;
import org.backtrack.progress.alerts.AlertAlreadyAcknowledgedException;
import org.backtrack.progress.patients.ClinicNotFoundException;
import org.backtrack.progress.patients.PatientNotFoundException;
import org.backtrack.progress.webhooks.rules.EndpointUrlPolicy;
import org.backtrack.progress.webhooks.rules.SubscriptionRules;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.function.BiConsumer;

/** progress-service's one problem advice (RFC 9457): every error its endpoints answer with, from one table. */
@RestControllerAdvice
class ProgressProblems {

    /** How one exception is answered: status, title, and what the problem names besides its detail. */
    private record Refusal<E extends RuntimeException>(Class<E> type, HttpStatus status, String title,
                                                       BiConsumer<E, ProblemDetail> names) {

        ProblemDetail answer(RuntimeException e) {
            ProblemDetail problem = Problems.of(status, title, e.getMessage());
            names.accept(type.cast(e), problem);
            return problem;
        }
    }

    private static final List<Refusal<?>> REFUSALS = List.of(
            new Refusal<>(PatientNotFoundException.class, HttpStatus.NOT_FOUND, "Patient not found",
                    (e, problem) -> problem.setProperty("patientId", e.patientId())),
            new Refusal<>(ClinicNotFoundException.class, HttpStatus.NOT_FOUND, "Clinic not found", (e, problem) -> { }),
            new Refusal<>(AlertAlreadyAcknowledgedException.class, HttpStatus.CONFLICT, "Alert already acknowledged", (e, problem) -> {
                problem.setProperty("alertId", e.alert().alertId());
                problem.setProperty("acknowledgedBy", e.alert().acknowledgement().by());
                problem.setProperty("acknowledgedAt", e.alert().acknowledgement().at().toString());
            }),
            new Refusal<>(SubscriptionRules.LimitReachedException.class, HttpStatus.CONFLICT, "Too many webhooks", (e, problem) -> { }));

    @ExceptionHandler({PatientNotFoundException.class, ClinicNotFoundException.class,
            AlertAlreadyAcknowledgedException.class, SubscriptionRules.LimitReachedException.class})
    ProblemDetail refused(RuntimeException e) {
        return REFUSALS.stream().filter(refusal -> refusal.type().isInstance(e)).findFirst().orElseThrow().answer(e);
    }

    /** How each reason something named is unavailable is answered: status, title, and the field naming its id. */
    private record Unavailable(HttpStatus status, String title, String idField) {

        static Unavailable of(UnavailableException.Reason reason) {
            return switch (reason) {
                case ALERT_NOT_FOUND -> new Unavailable(HttpStatus.NOT_FOUND, "Alert not found", "alertId");
                case WEBHOOK_NOT_FOUND -> new Unavailable(HttpStatus.NOT_FOUND, "Webhook not found", "webhookId");
                case DELIVERY_NOT_FOUND -> new Unavailable(HttpStatus.NOT_FOUND, "Delivery not found", "deliveryId");
                case DELIVERY_IN_FLIGHT -> new Unavailable(HttpStatus.CONFLICT, "Delivery in flight", "deliveryId");
            };
        }
    }

    @ExceptionHandler(UnavailableException.class)
    ProblemDetail unavailable(UnavailableException e) {
        Unavailable answer = Unavailable.of(e.reason());
        ProblemDetail problem = Problems.of(answer.status(), answer.title(), e.getMessage());
        problem.setProperty(answer.idField(), e.id());
        return problem;
    }

    /** A webhook URL the safety rules refuse: 400 naming {@code url}. */
    @ExceptionHandler(EndpointUrlPolicy.RefusedUrlException.class)
    ProblemDetail refusedUrl(EndpointUrlPolicy.RefusedUrlException e) {
        return Problems.namingField(HttpStatus.BAD_REQUEST, "Invalid request", "url", e.getMessage());
    }

    /** A subscription field its rules refuse: 400 naming it. */
    @ExceptionHandler(SubscriptionRules.InvalidSubscriptionException.class)
    ProblemDetail invalidSubscription(SubscriptionRules.InvalidSubscriptionException e) {
        return Problems.namingField(HttpStatus.BAD_REQUEST, "Invalid request", e.field(), e.getMessage());
    }
}
