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
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * RFC 9457 problem details the way every TierDesk API answers: a title, a detail and an {@code errors} list of
 * {@code {field, reason}}; and the answers to requests that cannot be read (400), which every API shares.
 */
public final class ApiProblems {

    /** The longest piece of a refused value an answer echoes: a reply never carries a huge input back. */
    static final int MAX_ECHO = 80;

    private ApiProblems() {
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail, Object errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** An answer before it is put in words ({@link ProblemMessages#detail}): its status, title, detail and problems. */
    public record Answer(HttpStatus status, Reason title, Reason detail, List<FieldProblem> errors) {
    }

    /** The answer to a module's refusal: 422 with every refused value, 404 or 409 with the field. */
    public static Answer of(Refusal refusal) {
        if (refusal instanceof NotFound) {
            return new Answer(HttpStatus.NOT_FOUND, Reason.of("problem.title.not-found"),
                    refusal.problems().get(0).reason(), refusal.problems());
        }
        if (refusal instanceof Conflict) {
            return new Answer(HttpStatus.CONFLICT, Reason.of("problem.title.conflict"),
                    refusal.problems().get(0).reason(), refusal.problems());
        }
        return invalid(refusal.problems());
    }

    /** 422 with every refused value. */
    public static Answer invalid(List<FieldProblem> errors) {
        return new Answer(HttpStatus.UNPROCESSABLE_CONTENT, Reason.of("problem.title.invalid"),
                errors.size() == 1 ? Reason.of("problem.detail.invalid-one") : Reason.of("problem.detail.invalid", errors.size()),
                errors);
    }

    /** A body that is not JSON, or a value of the wrong type, with the JSON path of the field and what it must be. */
    public static Answer unreadable(HttpMessageNotReadableException e) {
        JacksonException cause = jacksonCause(e);
        if (cause == null) {
            return badRequest(FieldProblem.of(null, "problem.body-not-json"));
        }
        return badRequest(readingError(cause));
    }

    /** Why a JSON text cannot be read: the path of the field and what it must be, or what is malformed. */
    public static FieldProblem readingError(JacksonException e) {
        String field = path(e);
        if (e instanceof JsonInputPolicy.RefusedText refused) {
            return new FieldProblem(field.isEmpty() ? null : field, refused.reason());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return FieldProblem.of(field.isEmpty() ? null : field, "problem.json.unknown-property",
                    echo(unknown.getPropertyName()));
        }
        if (e instanceof MismatchedInputException mismatch && !field.isEmpty()) {
            return new FieldProblem(field, expected(mismatch.getTargetType(),
                    mismatch instanceof InvalidFormatException format ? format.getValue() : null));
        }
        return FieldProblem.of(field.isEmpty() ? null : field, "problem.json.malformed", echo(e.getOriginalMessage()));
    }

    /** A refused value as an answer may quote it: at most {@link #MAX_ECHO} characters, the rest counted. */
    public static String echo(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_ECHO ? text
                : text.substring(0, MAX_ECHO) + "… (" + (text.length() - MAX_ECHO) + " more characters)";
    }

    public static Answer typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(new FieldProblem(e.getName(), expected(e.getRequiredType(), e.getValue())));
    }

    public static Answer missing(MissingRequestValueException e) {
        String name = e instanceof MissingServletRequestParameterException parameter ? parameter.getParameterName()
                : e instanceof MissingRequestHeaderException header ? header.getHeaderName() : null;
        return badRequest(FieldProblem.of(name, "problem.missing"));
    }

    /** 400: the request, or one part of it, cannot be read. */
    public static Answer badRequest(List<FieldProblem> errors) {
        return new Answer(HttpStatus.BAD_REQUEST, Reason.of("problem.title.unreadable"), Reason.of("problem.detail.unreadable"),
                errors);
    }

    private static Answer badRequest(FieldProblem error) {
        return badRequest(List.of(error));
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

    private static Reason expected(Class<?> type, Object value) {
        Reason expected = expected(type);
        return value == null ? expected : Reason.of("problem.with-value", expected, echo(value));
    }

    private static Reason expected(Class<?> type) {
        if (type == null) {
            return Reason.of("problem.json.wrong-type");
        }
        if (type.isEnum()) {
            return Reason.of("problem.one-of", Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")));
        }
        if (type == BigDecimal.class || type == BigInteger.class || Number.class.isAssignableFrom(type)
                || type.isPrimitive() && type != boolean.class && type != char.class) {
            return Reason.of("problem.json.number");
        }
        if (type == Instant.class) {
            return Reason.of("problem.json.instant");
        }
        if (type == LocalDate.class) {
            return Reason.of("problem.json.date");
        }
        if (type == YearMonth.class) {
            return Reason.of("problem.json.month");
        }
        if (type == boolean.class || type == Boolean.class) {
            return Reason.of("problem.json.boolean");
        }
        if (List.class.isAssignableFrom(type)) {
            return Reason.of("problem.json.list");
        }
        if (type == String.class) {
            return Reason.of("problem.json.text");
        }
        return Reason.of("problem.json.object");
    }
}
