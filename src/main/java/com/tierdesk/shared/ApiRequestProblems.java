package com.tierdesk.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every API's answers to requests that cannot be read (400 with the field and what it must be) and to the
 * modules' refusals (422, 404, 409 with every field and reason), in the caller's language
 * ({@link ProblemMessages#apiLocale}).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class ApiRequestProblems {

    private final ProblemMessages messages;

    ApiRequestProblems(ProblemMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ProblemDetail refused(Refusal e, HttpServletRequest request) {
        return answer(ApiProblems.of(e), request);
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return answer(ApiProblems.unreadable(e), request);
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return answer(ApiProblems.typeMismatch(e), request);
    }

    @ExceptionHandler
    ProblemDetail missing(MissingRequestValueException e, HttpServletRequest request) {
        return answer(ApiProblems.missing(e), request);
    }

    private ProblemDetail answer(ApiProblems.Answer answer, HttpServletRequest request) {
        return messages.detail(answer, ProblemMessages.apiLocale(request));
    }
}
