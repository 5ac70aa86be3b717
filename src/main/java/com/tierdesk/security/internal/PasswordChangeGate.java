package com.tierdesk.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Keeps a person who must choose a new password (an administrator created their account or reset its password) on
 * the password page until they have: in the console every other page redirects there (a background htmx request, such
 * as the bell's, gets a bare 403, which htmx leaves unswapped), and the API refuses their session with 403. API tokens are not concerned; signing out and the open paths
 * (sign-in page, styles, scripts) stay open.
 */
final class PasswordChangeGate extends OncePerRequestFilter {

    /** The page where a person chooses their new password. */
    static final String PAGE = "/password";

    private final ProblemResponses problems;
    private final boolean api;

    private PasswordChangeGate(ProblemResponses problems, boolean api) {
        this.problems = problems;
        this.api = api;
    }

    static PasswordChangeGate console() {
        return new PasswordChangeGate(null, false);
    }

    static PasswordChangeGate api(ProblemResponses problems) {
        return new PasswordChangeGate(problems, true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean held = authentication != null && authentication.getPrincipal() instanceof ConsoleUser person
                && person.isPasswordChangeRequired();
        if (!held || (!api && open(request))) {
            chain.doFilter(request, response);
        } else if (api) {
            problems.passwordChangeRequired(request, response);
        } else if (request.getHeader("HX-Request") != null) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        } else {
            response.sendRedirect(request.getContextPath() + PAGE);
        }
    }

    private static boolean open(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return Stream.concat(Stream.of(PAGE, "/logout"), Arrays.stream(AccessRules.OPEN_PATHS))
                .anyMatch(pattern -> PathPatternParser.defaultInstance.parse(pattern).matches(path));
    }
}
