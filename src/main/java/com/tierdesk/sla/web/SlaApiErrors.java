package com.tierdesk.sla.web;

import com.tierdesk.sla.InvalidSlaInput;
import com.tierdesk.sla.SlaProblem;
import com.tierdesk.sla.UnknownSlaRecord;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
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
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid input", e.problems().size() == 1
                ? "A value breaks the rules" : e.problems().size() + " values break the rules", e.problems());
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownSlaRecord e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), List.of(new SlaProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        return badRequest(new SlaProblem(null, "the request body cannot be read: " + cause.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(new SlaProblem(e.getName(), "cannot be read: '" + e.getValue() + "'"));
    }

    @ExceptionHandler
    ProblemDetail missing(MissingRequestValueException e) {
        return badRequest(new SlaProblem(null, e.getMessage()));
    }

    private static ProblemDetail badRequest(SlaProblem problem) {
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request", "The request cannot be read", List.of(problem));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, List<SlaProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("errors", errors);
        return problem;
    }
}
