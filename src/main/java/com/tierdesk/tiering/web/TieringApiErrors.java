package com.tierdesk.tiering.web;

import com.tierdesk.customer.UnknownRecord;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.tiering.InvalidTieringInput;
import com.tierdesk.tiering.TieringConflict;
import com.tierdesk.tiering.UnknownTieringRecord;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The tiering API's refusals as RFC 9457 problem details with an {@code errors} list of {@code {field, reason}}:
 * 404 unknown model, run, override or customer, 409 refused by the current state (approving one's own run, a
 * run older than the published one), 422 every problem of a model or run request at once. Requests that cannot
 * be read get their 400 from the shared {@code ApiRequestProblems}.
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
}
