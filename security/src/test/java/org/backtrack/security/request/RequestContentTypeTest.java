package org.backtrack.security.request;

import org.backtrack.events.RequestContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared Content-Type rule ({@code events}, plain Java) reads a type as Spring's media type parser does, which the
 * services' and the gateway's filters used before: compared on chosen types and on many generated ones.
 */
class RequestContentTypeTest {

    /** The rule as it was written with Spring's parser. */
    static boolean springRefuses(String contentType) {
        if (contentType == null) {
            return false;
        }
        if (contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"multipart/form-data", " Multipart/mixed", "*/*", "*", "application/*", "*/*; charset=UTF-8",
            "application/*+json", "text/*;q=0.5", "text/* ; charset=\"utf-8\"", "*/*;a='b'",
            "text/*;\""})
    void wildcardsAndMultipartAreRefused(String contentType) {
        assertThat(RequestContentType.refused(contentType)).isTrue().isEqualTo(springRefuses(contentType));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=UTF-8", "application/problem+json", "text/plain",
            "json", "application/json; charset=bogus", "", "*/json", "*/*; charset=bogus", "text/*; a=b c", "te xt/*",
            "/*", "text/", "text/*;=x", "*/*; charset=\"\""})
    void otherTypesAndMalformedOnesAreLeftToTheService(String contentType) {
        assertThat(RequestContentType.refused(contentType)).isFalse().isEqualTo(springRefuses(contentType));
        assertThat(RequestContentType.refused(null)).isFalse();
    }

    @Test
    void agreesWithSpringOnGeneratedTypes() {
        String[] pieces = {"*", "/", "text", "json", "+", ";", "=", "\"", "'", " ", "charset", "utf-8", "bogus", "q", "0.5",
                "multipart", ",", "\\", "a", "\t"};
        Random random = new Random(17);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder type = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int j = 0; j < length; j++) {
                type.append(pieces[random.nextInt(pieces.length)]);
            }
            String contentType = type.toString();
            assertThat(RequestContentType.refused(contentType)).as(contentType).isEqualTo(springRefuses(contentType));
        }
    }
}
