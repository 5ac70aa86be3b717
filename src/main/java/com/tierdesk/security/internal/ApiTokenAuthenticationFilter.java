package com.tierdesk.security.internal;

import com.tierdesk.security.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer tdk_...} requests. The context lives for the request only, so
 * token requests never create a session; a presented but unusable token is answered with 401 at once and counted
 * against the client address, and an address that presented too many is answered with 429 without a look at the
 * token until its wait or lock is over.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final SignInThrottle throttle;
    private final ProblemResponses problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiTokenAuthenticationFilter(ApiTokens tokens, SignInThrottle throttle, ProblemResponses problems) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        var hold = throttle.checkToken(address);
        if (hold.isPresent()) {
            contexts.clearContext();
            problems.tooManyInvalidTokens(request, response, hold.get());
            return;
        }
        var token = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (token.isEmpty()) {
            contexts.clearContext();
            throttle.tokenFailed(address);
            problems.invalidToken(request, response);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(token.get()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
