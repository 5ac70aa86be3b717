package com.tierdesk.tiering.web;

import com.tierdesk.customer.UnknownRecord;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.tiering.InvalidTieringInput;
import com.tierdesk.tiering.TieringConflict;
import com.tierdesk.tiering.UnknownTieringRecord;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The tiering API's refusals as RFC 9457 problem details with an {@code errors} list of {@code {field, reason}}:
 * 400 unreadable, 404 unknown model, run, override or customer, 409 refused by the current state (approving
 * one's own run, a run older than the published one), 422 every problem of a model or run request at once.
 */
@RestControllerAdvice(basePackageClasses = TieringApiErrors.class, annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TieringApiErrors {

    @ExceptionHandler
    ProblemDetail invalid(InvalidTieringInput e) {
        return ApiProblems.invalid(e.problems());
    }

    @ExceptionHandler
    ProblemDetail conflict(TieringConflict e) {
        return ApiProblems.conflict(e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownTieringRecord e) {
        return ApiProblems.notFound(e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknownCustomer(UnknownRecord e) {
        return ApiProblems.notFound(e.field(), e.getMessage());
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
