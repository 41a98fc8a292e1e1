package org.backtrack.security.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;

/**
 * Answers 415 for the request Content-Types Spring MVC would otherwise turn into a 500 before any handler or advice
 * could answer: multipart (the multipart resolver parses such bodies eagerly, and no BackTrack operation takes one)
 * and media ranges with a wildcard, such as {@code *}{@code /*} (Spring's request headers refuse a wildcard
 * Content-Type once they add the request's charset to it). Other malformed types are Spring's to refuse (415).
 */
public final class ContentTypeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (unusable(request.getContentType())) {
            SecurityProblems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    "Request bodies are JSON: send Content-Type: application/json.");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean unusable(String contentType) {
        if (contentType == null) {
            return false;
        }
        if (contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return true; // as Spring's multipart resolver tells, before any parsing
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
