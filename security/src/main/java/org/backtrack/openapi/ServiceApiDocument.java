package org.backtrack.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import lombok.RequiredArgsConstructor;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * The document's title, version, description and licence, and {@code application/json} instead of springdoc's
 * {@code *}{@code /*} for what the operations answer (every BackTrack body is JSON; a client generator needs the type).
 */
@RequiredArgsConstructor
public final class ServiceApiDocument implements GlobalOpenApiCustomizer {

    public static final String LICENSE = "Apache-2.0";
    public static final String LICENSE_URL = "https://www.apache.org/licenses/LICENSE-2.0";
    static final String ANY = "*/*";

    private final String title;
    private final String version;
    private final String description;

    /** The licence every BackTrack document names. */
    public static License license() {
        return new License().name(LICENSE).identifier(LICENSE).url(LICENSE_URL);
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.setInfo(new Info().title(title).version(version).description(description).license(license()));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getResponses() != null) {
                operation.getResponses().values().forEach(response -> response.setContent(json(response.getContent())));
            }
        }));
    }

    private static Content json(Content content) {
        if (content == null || !content.containsKey(ANY)) {
            return content;
        }
        Content replaced = new Content();
        content.forEach((type, media) -> replaced.addMediaType(type.equals(ANY) ? "application/json" : type, media));
        return replaced;
    }
}
