package com.tierdesk.shared;

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
 * modules' refusals (422, 404, 409 with every field and reason).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class ApiRequestProblems {

    @ExceptionHandler
    ProblemDetail refused(Refusal e) {
        return ApiProblems.of(e);
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return ApiProblems.unreadable(e);
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return ApiProblems.typeMismatch(e);
    }

    @ExceptionHandler
    ProblemDetail missing(MissingRequestValueException e) {
        return ApiProblems.missing(e);
    }
}
