package org.backtrack.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.web.method.HandlerMethod;

import java.util.List;

/**
 * Publishes each operation's {@code @RolesAllowed} in the OpenAPI document as {@value #EXTENSION}, with the bearer
 * scheme. The authorization matrix test reads it, so a new endpoint is tested without anyone remembering to. An
 * operation marked {@code @PermitAll} (public on purpose) is documented with an empty security list.
 */
public final class RolesInOpenApi implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

    static final String EXTENSION = "x-backtrack-roles";
    static final String SCHEME = "bearer-jwt";

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        RolesAllowed allowed = handlerMethod.getMethodAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = handlerMethod.getBeanType().getAnnotation(RolesAllowed.class);
        }
        if (allowed != null) {
            operation.addExtension(EXTENSION, List.of(allowed.value()));
            operation.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        } else if (handlerMethod.hasMethodAnnotation(PermitAll.class)) {
            // public on purpose (FHIR's CapabilityStatement): no token, said explicitly
            operation.setSecurity(new java.util.ArrayList<>());
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT").description("An access token of the BackTrack issuer, audience "
                        + TokenClaims.AUDIENCE + ", with the caller's clinic and roles"));
    }
}
