package org.backtrack.security.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backtrack.events.RequestContentType;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Answers 415 for the request Content-Types Spring MVC would otherwise turn into a 500 before any handler or advice
 * could answer ({@link RequestContentType}: multipart, and media ranges with a wildcard). Other malformed types are
 * Spring's to refuse (415).
 */
public final class ContentTypeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (RequestContentType.refused(request.getContentType())) {
            SecurityProblems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", RequestContentType.REFUSAL);
            return;
        }
        chain.doFilter(request, response);
    }
}
