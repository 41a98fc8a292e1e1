package org.backtrack.progress.webhooks.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import org.backtrack.events.WebhookEventTypes;
import org.backtrack.paging.Paging;
import org.backtrack.problems.ErrorAnswer;
import org.backtrack.progress.webhooks.Webhooks;
import org.backtrack.progress.webhooks.rules.EndpointUrlPolicy;
import org.backtrack.progress.webhooks.rules.SubscriptionRules;
import org.backtrack.security.Caller;
import org.backtrack.security.Role;
import lombok.RequiredArgsConstructor;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.Optional;

/**
 * A clinic's webhooks (docs/integration.md, "Webhooks"). Clinic administrators and the clinic's integration clients
 * only; everything is looked up under the token's clinic, so another clinic's webhook answers 404 like an unknown id.
 * The deliveries list shows event ids and types and how each delivery went, never a payload or a patient, so it is
 * not recorded in the access log.
 */
@RestController
@RolesAllowed({Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME})
@RequiredArgsConstructor
class WebhookController {

    /** The types of {@link WebhookEventTypes#ALL} (a constant, for the annotations; a test keeps them equal). */
    static final String TYPES = "One or more of `backtrack.session.completed.v1`, `backtrack.progress.status-changed.v1`, "
            + "`backtrack.progress.alert-raised.v1`, `backtrack.progress.alert-acknowledged.v1`, "
            + "`backtrack.progress.alert-resolved.v1`, `backtrack.progress.webhook-endpoint-disabled.v1`, "
            + "`backtrack.program.changed.v1`, `backtrack.progress.monitoring-days-reached.v1`.";
    static final String URL_RULES = "An absolute `https` URL of at most " + EndpointUrlPolicy.MAX_LENGTH + " characters, without "
            + "user information or fragment, whose host resolves to public addresses only (loopback, link-local, private, CGNAT, "
            + "multicast and reserved ranges are refused, IPv4-mapped IPv6 forms included); plain `http` and any address only "
            + "for the hosts of `backtrack.webhooks.allowed-hosts` (local tests). A refused URL answers 400 naming `url`.";

    private final Webhooks webhooks;

    /** The body of a new webhook. */
    record NewWebhook(
            @Schema(description = URL_RULES, requiredMode = Schema.RequiredMode.REQUIRED, maxLength = EndpointUrlPolicy.MAX_LENGTH) String url,
            @Schema(description = TYPES, requiredMode = Schema.RequiredMode.REQUIRED) List<String> eventTypes,
            @Schema(description = "What the endpoint is for; at most " + SubscriptionRules.MAX_DESCRIPTION + " characters",
                    maxLength = SubscriptionRules.MAX_DESCRIPTION, nullable = true) String description) {
    }

    /** A new webhook with its secret, shown this once. */
    record CreatedWebhook(String id, String url, List<String> eventTypes, String description, boolean enabled,
                          java.time.Instant createdAt,
                          @Schema(description = "The signing secret: `whsec_` and base64 of 32 random bytes. Shown this once; "
                                  + "BackTrack keeps it only encrypted.") String secret) {
    }

    /** The changes of a PATCH; absent fields stay as they are. */
    record WebhookChange(
            @Schema(description = URL_RULES, nullable = true) String url,
            @Schema(description = TYPES, nullable = true) List<String> eventTypes,
            @Schema(description = "A new description; an empty string removes it", nullable = true) String description,
            @Schema(description = "`true` enables a disabled endpoint again (the failure counts start afresh); `false` stops "
                    + "deliveries (those due meanwhile fail with `the endpoint is disabled` and can be redelivered)", nullable = true)
            Boolean enabled) {
    }

    @Operation(summary = "Subscribe an endpoint to the clinic's events", description = "Answers 201 with the webhook's `id` and "
            + "its signing `secret`, shown only in this answer. Every event of the listed types of the caller's clinic is then "
            + "POSTed to `url` as the CloudEvent in structured JSON, signed the Standard Webhooks way. " + URL_RULES
            + " Unknown event types or a description over " + SubscriptionRules.MAX_DESCRIPTION + " characters answer 400 naming "
            + "the field; a clinic has at most `backtrack.webhooks.max-per-clinic` webhooks (default 20), beyond that 409.")
    @ApiResponse(responseCode = "201", description = "The webhook and its secret",
            headers = @Header(name = "Location", description = "The webhook's URL", schema = @Schema(type = "string", format = "uri")))
    @ErrorAnswer(status = 409, when = "The clinic has as many webhooks as it may")
    @PostMapping("/api/v1/webhooks")
    ResponseEntity<CreatedWebhook> create(Caller caller, @RequestBody NewWebhook body) {
        Webhooks.Created created = webhooks.create(ownClinic(caller), body.url(), body.eventTypes(), body.description());
        Webhooks.Webhook w = created.webhook();
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(w.id()).toUri())
                .body(new CreatedWebhook(w.id(), w.url(), w.eventTypes(), w.description(), w.enabled(), w.createdAt(), created.secret()));
    }

    @Operation(summary = "The clinic's webhooks", description = "Every webhook of the caller's clinic, oldest first, without secrets.")
    @GetMapping("/api/v1/webhooks")
    List<Webhooks.Webhook> list(Caller caller) {
        return caller.clinicId() == null ? List.of() : webhooks.list(caller.clinicId());
    }

    @Operation(summary = "One webhook", description = "A webhook of the caller's clinic, without its secret; any other id, "
            + "another clinic's included, answers 404.")
    @GetMapping("/api/v1/webhooks/{id}")
    Webhooks.Webhook one(Caller caller, @PathVariable String id) {
        return webhooks.get(clinicOf(caller), id);
    }

    @Operation(summary = "Change a webhook", description = "Changes the fields given: `url` (checked as at creation), "
            + "`eventTypes`, `description`, `enabled` (`true` enables an endpoint the disable rule stopped).")
    @PatchMapping("/api/v1/webhooks/{id}")
    Webhooks.Webhook change(Caller caller, @PathVariable String id, @RequestBody(required = false) WebhookChange body) {
        WebhookChange change = body == null ? new WebhookChange(null, null, null, null) : body;
        boolean clear = change.description() != null && change.description().isBlank();
        return webhooks.change(clinicOf(caller), id, new Webhooks.Change(Optional.ofNullable(change.url()),
                Optional.ofNullable(change.eventTypes()), Optional.ofNullable(change.description()), clear,
                Optional.ofNullable(change.enabled())));
    }

    @Operation(summary = "Delete a webhook", description = "Deletes the webhook and its deliveries; nothing more is sent to it.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/api/v1/webhooks/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        webhooks.delete(clinicOf(caller), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Rotate the signing secret", description = "Answers a new secret, shown only here. Deliveries from now "
            + "on carry a signature under the new secret and, until `previousSecretValidUntil` (`backtrack.webhooks.rotation-grace`, "
            + "default 24 h), one under the previous secret as well (space-separated in `webhook-signature`), so the receiver "
            + "can switch without losing a delivery.")
    @PostMapping("/api/v1/webhooks/{id}/rotate-secret")
    Webhooks.Rotated rotate(Caller caller, @PathVariable String id) {
        return webhooks.rotate(clinicOf(caller), id);
    }

    @Operation(summary = "The webhook's deliveries", description = "Newest first: each delivery's `id` (its `webhook-id`), "
            + "event id and type, status (`PENDING`, `SENDING`, `DELIVERED`, `FAILED`), attempts, the last response code or "
            + "error, and when the next attempt is due. " + Paging.NEWEST_FIRST_PAGES,
            responses = @ApiResponse(responseCode = "200", description = "A page of deliveries",
                    headers = @Header(name = "Link", description = Paging.LINK_TO_NEXT)))
    @GetMapping("/api/v1/webhooks/{id}/deliveries")
    ResponseEntity<List<Webhooks.Delivery>> deliveries(Caller caller, @PathVariable String id, @ParameterObject Paging.Query page) {
        return Paging.answer(webhooks.deliveries(clinicOf(caller), id, page.request(2)));
    }

    @Operation(summary = "Send a delivery again", description = "Makes the delivery due now, with the same `webhook-id` (receivers "
            + "deduplicate by it) and a fresh retry schedule. A delivery being sent right now answers 409.")
    @ApiResponse(responseCode = "202", description = "The delivery, due now")
    @ErrorAnswer(status = 409, when = "The delivery is being sent right now")
    @PostMapping("/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver")
    ResponseEntity<Webhooks.Delivery> redeliver(Caller caller, @PathVariable String id, @PathVariable String deliveryId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(webhooks.redeliver(clinicOf(caller), id, deliveryId));
    }

    private static String clinicOf(Caller caller) {
        return caller.clinicId();
    }

    /** A webhook belongs to a clinic: a client of no clinic (the platform's own) may not make one. */
    private static String ownClinic(Caller caller) {
        if (caller.clinicId() == null) {
            throw new org.springframework.security.access.AccessDeniedException("A webhook belongs to a clinic; the token names none");
        }
        return caller.clinicId();
    }
}
