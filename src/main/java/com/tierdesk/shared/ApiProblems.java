package com.tierdesk.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * RFC 9457 problem details the way every TierDesk API answers: a title, a detail and an {@code errors} list of
 * {@code {field, reason}}; and the answers to requests that cannot be read (400), which every API shares.
 */
public final class ApiProblems {

    /** The longest piece of a refused value an answer echoes: a reply never carries a huge input back. */
    static final int MAX_ECHO = 80;

    private ApiProblems() {
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail, List<?> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The answer to a module's refusal: 422 with every refused value, 404 or 409 with the field. */
    public static ProblemDetail of(Refusal refusal) {
        if (refusal instanceof NotFound) {
            return problem(HttpStatus.NOT_FOUND, "Not found", refusal.getMessage(), refusal.problems());
        }
        if (refusal instanceof Conflict) {
            return problem(HttpStatus.CONFLICT, "Conflict", refusal.getMessage(), refusal.problems());
        }
        return invalid(refusal.problems());
    }

    /** 422 with every refused value. */
    public static ProblemDetail invalid(List<?> errors) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid input",
                errors.size() == 1 ? "A field breaks the rules" : errors.size() + " fields break the rules", errors);
    }

    /** A body that is not JSON, or a value of the wrong type, with the JSON path of the field and what it must be. */
    public static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        JacksonException cause = jacksonCause(e);
        if (cause == null) {
            return badRequest(new FieldProblem(null, "the request body is missing or is not JSON"));
        }
        return badRequest(readingError(cause));
    }

    /** Why a JSON text cannot be read: the path of the field and what it must be, or what is malformed. */
    public static FieldProblem readingError(JacksonException e) {
        String field = path(e);
        if (e instanceof JsonInputPolicy.RefusedText refused) {
            return new FieldProblem(field.isEmpty() ? null : field, refused.reason());
        }
        if (e instanceof MismatchedInputException mismatch && !field.isEmpty()) {
            return new FieldProblem(field, expected(mismatch.getTargetType(),
                    mismatch instanceof InvalidFormatException format ? format.getValue() : null));
        }
        return new FieldProblem(field.isEmpty() ? null : field, "malformed JSON: " + echo(e.getOriginalMessage()));
    }

    /** A refused value as an answer may quote it: at most {@link #MAX_ECHO} characters, the rest counted. */
    public static String echo(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_ECHO ? text
                : text.substring(0, MAX_ECHO) + "… (" + (text.length() - MAX_ECHO) + " more characters)";
    }

    public static ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(new FieldProblem(e.getName(), expected(e.getRequiredType(), e.getValue())));
    }

    public static ProblemDetail missing(MissingRequestValueException e) {
        return badRequest(new FieldProblem(null, e.getMessage()));
    }

    private static ProblemDetail badRequest(FieldProblem error) {
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request", "The request cannot be read", List.of(error));
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
        String got = value == null ? "" : ": '" + echo(value) + "'";
        if (type == null) {
            return "has the wrong type" + got;
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")) + got;
        }
        if (type == BigDecimal.class || type == BigInteger.class || Number.class.isAssignableFrom(type)
                || type.isPrimitive() && type != boolean.class && type != char.class) {
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
