package com.tierdesk.sla.web;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.sla.InvalidSlaInput;
import com.tierdesk.sla.UnknownSlaRecord;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The SLA API's refusals as RFC 9457 problem details with an {@code errors} list of {@code {field, reason}}:
 * 400 for a request that cannot be read, 404 for an unknown calendar or version, 422 for values that break the
 * rules (every problem at once; for a file, the field is the line).
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
