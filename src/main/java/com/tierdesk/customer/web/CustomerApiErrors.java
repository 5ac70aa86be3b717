package com.tierdesk.customer.web;

import com.tierdesk.customer.ConflictingChange;
import com.tierdesk.customer.FieldProblem;
import com.tierdesk.customer.InvalidFields;
import com.tierdesk.customer.UnknownRecord;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

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
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid input",
                e.problems().size() == 1 ? "A field breaks the rules" : e.problems().size() + " fields break the rules",
                e.problems());
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownRecord e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(),
                List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictingChange e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(),
                List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        JacksonException cause = jacksonCause(e);
        if (cause == null) {
            return badRequest(new FieldProblem(null, "the request body is missing or is not JSON"));
        }
        String field = path(cause);
        if (cause instanceof MismatchedInputException mismatch && !field.isEmpty()) {
            return badRequest(new FieldProblem(field, expected(mismatch.getTargetType(),
                    mismatch instanceof InvalidFormatException format ? format.getValue() : null)));
        }
        return badRequest(new FieldProblem(field.isEmpty() ? null : field, "malformed JSON: " + cause.getOriginalMessage()));
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(new FieldProblem(e.getName(), expected(e.getRequiredType(), e.getValue())));
    }

    @ExceptionHandler
    ProblemDetail missing(MissingRequestValueException e) {
        return badRequest(new FieldProblem(null, e.getMessage()));
    }

    private static ProblemDetail badRequest(FieldProblem problem) {
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request", "The request cannot be read", List.of(problem));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static JacksonException jacksonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    /** The JSON path of the field, e.g. {@code consent.sms} or {@code tags[2]}. */
    private static String path(JacksonException e) {
        var path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type, Object value) {
        String got = value == null ? "" : ": '" + value + "'";
        if (type == null) {
            return "has the wrong type" + got;
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")) + got;
        }
        if (type == BigDecimal.class || type == BigInteger.class || Number.class.isAssignableFrom(type)
                || type == int.class || type == long.class) {
            return "must be a number" + got;
        }
        if (type == Instant.class) {
            return "must be a date-time with offset (ISO-8601, e.g. 2025-03-01T10:15:00+08:00)" + got;
        }
        if (type == LocalDate.class) {
            return "must be a date (yyyy-MM-dd)" + got;
        }
        if (type == YearMonth.class) {
            return "must be a month (yyyy-MM)" + got;
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false" + got;
        }
        if (List.class.isAssignableFrom(type)) {
            return "must be a list" + got;
        }
        if (type == String.class) {
            return "must be a text" + got;
        }
        return "must be a JSON object" + got;
    }
}
