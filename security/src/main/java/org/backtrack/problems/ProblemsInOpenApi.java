package org.backtrack.problems;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.annotation.security.RolesAllowed;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every operation's error answers in its OpenAPI document, as {@value #MEDIA_TYPE} with the {@value #SCHEMA} schema:
 * those every operation of a kind can answer (400 for a bad parameter or body, 401/403 where roles are required, 404
 * for a path naming something, 413/415 for a body, 429 for the gateway's rate limits), added here once; and any error
 * answer an operation declares with {@link ErrorAnswer} (or springdoc's {@code @ApiResponse}) gets the same content. The one place that states the problem shape for clients, next to {@link Problems} that builds it.
 */
public final class ProblemsInOpenApi implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String SCHEMA = "Problem";
    static final String REF = "#/components/schemas/" + SCHEMA;
    /** FHIR's errors (paths under {@value #FHIR_PATHS}): OperationOutcomes, not problem documents. */
    public static final String FHIR_MEDIA_TYPE = "application/fhir+json";
    public static final String FHIR_SCHEMA = "OperationOutcome";
    static final String FHIR_REF = "#/components/schemas/" + FHIR_SCHEMA;
    static final String FHIR_PATHS = "/fhir/";

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        boolean body = Arrays.stream(handlerMethod.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
        boolean parameters = body || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean roles = handlerMethod.getMethodAnnotation(RolesAllowed.class) != null
                || handlerMethod.getBeanType().getAnnotation(RolesAllowed.class) != null;
        Map<Integer, String> common = new TreeMap<>();
        if (parameters) {
            common.put(400, "A parameter, header or body field is invalid; `errors` names each one");
        }
        if (roles) {
            common.put(401, "No valid access token");
            common.put(403, "The caller's role does not allow this operation");
        }
        if (operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()))) {
            common.put(404, "Nothing by that id in the caller's reach (another clinic's answers the same)");
        }
        if (body) {
            common.put(413, "The body is larger than the service accepts");
            common.put(415, "The body is not application/json");
        }
        common.put(429, "Over a rate limit of the gateway; Retry-After says when to try again");
        for (ErrorAnswer particular : handlerMethod.getMethod().getAnnotationsByType(ErrorAnswer.class)) {
            common.put(particular.status(), particular.when());
        }
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        boolean fhir = isFhir(handlerMethod);
        common.forEach((status, description) -> {
            String code = String.valueOf(status);
            if (!responses.containsKey(code)) {
                responses.addApiResponse(code, new ApiResponse().description(description));
            }
        });
        responses.forEach((code, response) -> {
            if (isError(code)) {
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    HttpStatus status = HttpStatus.resolve(Integer.parseInt(code));
                    response.setDescription(status != null ? status.getReasonPhrase() : code);
                }
                response.setContent(fhir
                        ? new Content().addMediaType(FHIR_MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref(FHIR_REF)))
                        : new Content().addMediaType(MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref(REF))));
                if (code.equals("429") && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
                    response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again")
                            .schema(typed("integer")));
                }
            }
        });
        operation.setResponses(responses);
        return operation;
    }

    private static boolean isFhir(HandlerMethod handlerMethod) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), RequestMapping.class);
        return mapping != null && Arrays.stream(mapping.path()).anyMatch(path -> path.startsWith(FHIR_PATHS));
    }

    /** A schema of one type, set both ways so that OpenAPI 3.0 and 3.1 serialisation write it. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema typed(String type) {
        return new Schema<>().type(type).typesItem(type);
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.startsWith("4") || code.startsWith("5"));
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(SCHEMA, problemSchema());
        if (openApi.getPaths() != null && openApi.getPaths().keySet().stream().anyMatch(path -> path.startsWith(FHIR_PATHS))) {
            openApi.getComponents().addSchemas(FHIR_SCHEMA, operationOutcomeSchema());
        }
    }

    /** The members of a FHIR R4 OperationOutcome that BackTrack fills (one issue per error). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Schema<?> operationOutcomeSchema() {
        Schema issue = typed("object").description("One issue")
                .addProperty("severity", typed("string").description("fatal, error, warning or information"))
                .addProperty("code", typed("string").description("The issue type (http://hl7.org/fhir/issue-type): invalid, login, "
                        + "forbidden, not-found, too-costly, not-supported, transient, exception..."))
                .addProperty("diagnostics", typed("string").description("What went wrong, in words"))
                .addProperty("expression", typed("array").items(typed("string")).description("The parameter at fault, if any"));
        issue.addRequiredItem("severity");
        issue.addRequiredItem("code");
        Schema outcome = typed("object").description("A FHIR R4 OperationOutcome (the FHIR API's errors)")
                .addProperty("resourceType", typed("string").description("Always OperationOutcome"))
                .addProperty("issue", typed("array").items(issue).description("The issues, at least one"));
        outcome.addRequiredItem("resourceType");
        outcome.addRequiredItem("issue");
        return outcome;
    }

    /** RFC 9457's members as BackTrack fills them, with {@code errors} naming the fields at fault. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Schema<?> problemSchema() {
        Schema fieldError = typed("object").description("One field at fault")
                .addProperty("field", typed("string").description("The parameter, header or body field (a JSON path for a nested one)"))
                .addProperty("message", typed("string").description("What is wrong with it"));
        fieldError.addRequiredItem("field");
        fieldError.addRequiredItem("message");
        return typed("object").description("An RFC 9457 problem document")
                .addProperty("type", typed("string").format("uri-reference").description("The problem type; about:blank for a plain HTTP status"))
                .addProperty("title", typed("string").description("A short summary of the problem"))
                .addProperty("status", typed("integer").description("The HTTP status code"))
                .addProperty("detail", typed("string").description("What went wrong in this occurrence"))
                .addProperty("instance", typed("string").format("uri-reference").description("The request's path"))
                .addProperty("errors", typed("array").items(fieldError).description("The fields at fault, for a request at fault"));
    }
}
