package com.tierdesk.sla.web;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.sla.InvalidSlaInput;
import com.tierdesk.sla.UnknownSlaRecord;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The SLA API's refusals as RFC 9457 problem details with an {@code errors} list of {@code {field, reason}}:
 * 404 for an unknown calendar or version, 422 for values that break the rules (every problem at once; for a
 * file, the field is the line). Requests that cannot be read get their 400 from the shared {@code ApiRequestProblems}.
 */
@RestControllerAdvice(assignableTypes = {CalendarApiController.class, PolicyApiController.class,
        DeadlineApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class SlaApiErrors {

    @ExceptionHandler
    ProblemDetail invalid(InvalidSlaInput e) {
        return ApiProblems.invalid(e.problems());
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownSlaRecord e) {
        return ApiProblems.notFound(e.field(), e.getMessage());
    }
}
