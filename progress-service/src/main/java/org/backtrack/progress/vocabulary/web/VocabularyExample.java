package org.backtrack.progress.vocabulary.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import lombok.RequiredArgsConstructor;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * The OpenAPI example of {@code GET /api/v1/vocabulary} is the answer itself, built from the {@code events} module: a
 * stage added or an action's {@code movesTo} changed there shows in the published document without a copy to update.
 */
@Component
@RequiredArgsConstructor
class VocabularyExample implements GlobalOperationCustomizer {

    private final JsonMapper json;

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (handlerMethod.getBeanType() != VocabularyController.class || operation.getResponses() == null) {
            return operation;
        }
        ApiResponse ok = operation.getResponses().get("200");
        MediaType body = ok == null || ok.getContent() == null ? null : ok.getContent().get("application/json");
        if (body != null) {
            // plain maps and lists: the document is written by swagger's own mapper
            body.setExamples(Map.of("current", new Example().value(json.convertValue(Vocabulary.current(), Map.class))));
        }
        return operation;
    }
}
