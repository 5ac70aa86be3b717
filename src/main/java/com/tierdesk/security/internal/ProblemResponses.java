package com.tierdesk.security.internal;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Reason;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401, 403 and 429 for the API and the metrics endpoint as RFC 9457 problem details instead of a redirect to the login
 * page, worded in the language of {@code Accept-Language} like every other API answer, with the reason's stable code.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final String REALM = "Bearer realm=\"tierdesk\"";

    private final JsonMapper json;
    private final BusinessTime time;
    private final ProblemMessages messages;
    private final LocaleResolver consoleLocale;

    ProblemResponses(JsonMapper json, BusinessTime time, ProblemMessages messages, LocaleResolver consoleLocale) {
        this.json = json;
        this.time = time;
        this.messages = messages;
        this.consoleLocale = consoleLocale;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
        write(request, response, HttpStatus.UNAUTHORIZED, Reason.of("problem.title.unauthorized"),
                Reason.of("problem.access.sign-in"));
    }

    void invalidToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"invalid_token\"");
        write(request, response, HttpStatus.UNAUTHORIZED, Reason.of("problem.title.unauthorized"),
                Reason.of("problem.access.invalid-token"));
    }

    /** 429 with the seconds to wait: the address presented too many invalid tokens and is slowed down or locked. */
    void tooManyInvalidTokens(HttpServletRequest request, HttpServletResponse response, SignInThrottle.Hold hold)
            throws IOException {
        long seconds = Math.max(1, (Duration.between(time.now(), hold.until()).toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, Reason.of("problem.title.too-many-requests"),
                hold.locked() ? Reason.of("problem.access.locked", hold.until()) : Reason.of("problem.access.slowed", seconds));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, Reason.of("problem.title.forbidden"),
                exception instanceof CsrfException ? Reason.of("problem.access.csrf") : Reason.of("problem.access.role"));
    }

    /** 403: a person who must choose a new password uses the API through their console session before they did. */
    void passwordChangeRequired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, Reason.of("problem.title.forbidden"),
                Reason.of("problem.access.password-change"));
    }

    /** The problem as {@link ProblemMessages#detail} words it, its one error carrying the detail's code. */
    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, Reason title,
            Reason detail) throws IOException {
        var worded = messages.detail(new ApiProblems.Answer(status, title, detail, List.of(new FieldProblem(null, detail))),
                locale(request));
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", worded.getTitle());
        problem.put("status", status.value());
        problem.put("detail", worded.getDetail());
        problem.put("instance", request.getRequestURI());
        problem.put("errors", worded.getProperties().get("errors"));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * The caller's language as {@link ProblemMessages#apiLocale} chooses it; without {@code Accept-Language} the
     * console's, read here from its resolver because these answers are written before the dispatcher sets it.
     */
    private Locale locale(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? consoleLocale.resolveLocale(request)
                : ProblemMessages.apiLocale(request);
    }
}
