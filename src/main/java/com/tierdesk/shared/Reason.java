package com.tierdesk.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.context.MessageSourceResolvable;

/**
 * Why something was refused, in no language yet: a message code of the bundles ({@code problem.*}) and its
 * arguments. Words in the reader's language are made only at the edges ({@link ProblemMessages}). An argument is
 * another reason (put in words in the same language) or a value, kept as its text: values are quoted as the caller
 * gave them, never reformatted for a locale (a year stays 2025, not 2,025).
 */
public record Reason(String code, List<Object> arguments) implements MessageSourceResolvable {

    /** A code is dotted words ({@code problem.too-long}): a sentence given where a code belongs fails at once. */
    private static final Pattern CODE = Pattern.compile("[a-z]+(\\.[a-zA-Z0-9_-]+)+");

    public Reason {
        if (!CODE.matcher(Objects.requireNonNull(code, "code")).matches()) {
            throw new IllegalArgumentException("not a message code: " + code);
        }
        arguments = arguments.stream().map(Reason::argument).toList();
    }

    public static Reason of(String code, Object... arguments) {
        return new Reason(code, Arrays.asList(arguments));
    }

    private static Object argument(Object value) {
        return value instanceof Reason ? value : String.valueOf(value);
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return arguments.toArray();
    }

    /** The reason in English, for logs and exception messages; users read it through {@link ProblemMessages}. */
    @Override
    public String toString() {
        return ProblemMessages.english(this);
    }
}
