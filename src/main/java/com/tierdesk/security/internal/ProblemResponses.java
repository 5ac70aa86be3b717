package com.tierdesk.security.internal;

import com.tierdesk.shared.BusinessTime;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** 401, 403 and 429 for the API and the metrics endpoint as RFC 9457 problem details instead of a redirect to the login page. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final String REALM = "Bearer realm=\"tierdesk\"";

    private final JsonMapper json;
    private final BusinessTime time;

    ProblemResponses(JsonMapper json, BusinessTime time) {
        this.json = json;
        this.time = time;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
        write(request, response, HttpStatus.UNAUTHORIZED,
                "Authentication required: send Authorization: Bearer <API token>, or sign in to the console.");
    }

    void invalidToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"invalid_token\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "The API token is unknown, revoked, expired or malformed.");
    }

    /** 429 with the seconds to wait: the address presented too many invalid tokens and is slowed down or locked. */
    void tooManyInvalidTokens(HttpServletRequest request, HttpServletResponse response, SignInThrottle.Hold hold)
            throws IOException {
        long seconds = Math.max(1, (Duration.between(time.now(), hold.until()).toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, (hold.locked()
                ? "Too many invalid API tokens came from this address; tokens from it are refused until " + hold.until()
                : "Too many invalid API tokens came from this address; try again in " + seconds + " s") + ".");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, exception instanceof CsrfException
                ? "A signed-in browser must send the CSRF token (header X-CSRF-TOKEN) with requests that change data."
                : "Your role does not allow this request.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
