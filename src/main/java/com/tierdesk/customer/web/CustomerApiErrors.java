package com.tierdesk.customer.web;

import com.tierdesk.customer.ConflictingChange;
import com.tierdesk.customer.InvalidFields;
import com.tierdesk.customer.UnknownRecord;
import com.tierdesk.shared.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns the customer API's refusals into RFC 9457 problem details, each with an {@code errors} list of
 * {@code {field, reason}}: 400 for a body or parameter that cannot be read, 404 for an unknown key,
 * 409 for a conflicting write, 422 for values that break the field rules.
 */
@RestControllerAdvice(assignableTypes = {CustomerApiController.class, OrderApiController.class,
        InteractionApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class CustomerApiErrors {

    @ExceptionHandler
    ProblemDetail invalid(InvalidFields e) {
        return ApiProblems.invalid(e.problems());
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownRecord e) {
        return ApiProblems.notFound(e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictingChange e) {
        return ApiProblems.conflict(e.field(), e.getMessage());
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
