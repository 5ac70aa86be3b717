package com.tierdesk;

import com.tierdesk.shared.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;

/**
 * Errors in the console are console pages: a missing record (404), a forbidden page (403), a server error (500) and
 * any other refusal render {@code error/page} in the layout and the reader's language, with a way back; an htmx
 * request gets the page's message alone. API callers ({@code /api/**}, or a client that does not take HTML) keep
 * their problem details.
 * <p>
 * A console controller's refusal ({@link NotFound}, a {@code ResponseStatusException}, an unknown URL) is turned
 * into the servlet's error of that status here, ahead of the problem-detail handlers that answer the API, and Spring
 * Boot's error controller renders it with the view chosen below, as it does for the 403 of the security filter and
 * for failures nothing handled.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleErrorPages implements WebMvcConfigurer, ErrorViewResolver {

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, ConsoleErrorPages::sendConsoleError);
    }

    private static ModelAndView sendConsoleError(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception e) {
        int status = e instanceof NotFound ? HttpStatus.NOT_FOUND.value()
                : e instanceof ErrorResponse refusal ? refusal.getStatusCode().value() : 0;
        if (status == 0 || !wantsPage(request)) {
            return null;
        }
        try {
            response.sendError(status);
        } catch (IOException failed) {
            return null;
        }
        return new ModelAndView();
    }

    /** A browser on a console page; not the API, not a client that takes JSON only. */
    private static boolean wantsPage(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.includes(MediaType.TEXT_HTML));
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        var page = new ModelAndView(request.getHeader("HX-Request") != null ? "error/page :: message" : "error/page", model);
        page.addObject("kind", switch (status.value()) {
            case 403, 404 -> String.valueOf(status.value());
            default -> status.is5xxServerError() ? "500" : "other";
        });
        page.addObject("back", sameSitePath(request));
        return page;
    }

    /** The page the reader came from, when it is one of ours: the target of "back". */
    private static String sameSitePath(HttpServletRequest request) {
        String referer = request.getHeader(HttpHeaders.REFERER);
        if (referer == null) {
            return null;
        }
        try {
            URI from = URI.create(referer);
            if (!request.getServerName().equalsIgnoreCase(from.getHost()) || from.getRawPath() == null
                    || !from.getRawPath().startsWith("/")) {
                return null;
            }
            return from.getRawQuery() == null ? from.getRawPath() : from.getRawPath() + "?" + from.getRawQuery();
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
