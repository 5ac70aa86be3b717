package com.tierdesk.customer.web;

import com.tierdesk.customer.ConflictingChange;
import com.tierdesk.customer.InvalidFields;
import com.tierdesk.customer.UnknownRecord;
import com.tierdesk.shared.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the customer API's refusals into RFC 9457 problem details, each with an {@code errors} list of
 * {@code {field, reason}}: 404 for an unknown key, 409 for a conflicting write, 422 for values that break the
 * field rules. Requests that cannot be read get their 400 from the shared {@code ApiRequestProblems}.
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
}
