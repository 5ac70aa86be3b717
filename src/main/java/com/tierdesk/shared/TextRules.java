package com.tierdesk.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules every module applies to text from outside: no control characters (line breaks and tabs only in
 * multi-line texts), no lone surrogates (half a character, which no database column can hold), and a length
 * limit that matches the column. Each check returns the reason for a refusal, or empty.
 */
public final class TextRules {

    /** The longest address SMTP carries. */
    public static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private TextRules() {
    }

    /** An email address that may be absent (null or empty): a customer's, a requester's, an account's. */
    public static Optional<Reason> email(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(value).matches()) {
            return Optional.of(Reason.of("problem.email"));
        }
        return Optional.empty();
    }

    /** A one-line text that must be present: a name, a code, a reason. */
    public static Optional<Reason> requiredLine(String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return Optional.of(Reason.of("problem.required"));
        }
        return line(value, maxLength);
    }

    /** A one-line text that may be absent. */
    public static Optional<Reason> line(String value, int maxLength) {
        return check(value, maxLength, false);
    }

    /** A text that may hold line breaks and tabs (a note, a description), and may be absent. */
    public static Optional<Reason> multiline(String value, int maxLength) {
        return check(value, maxLength, true);
    }

    /** The first character that no text may hold: a control other than tab and line breaks, or a lone surrogate. */
    public static Optional<Reason> forbiddenCharacter(String value) {
        return firstForbidden(value, true);
    }

    private static Optional<Reason> check(String value, int maxLength, boolean lineBreaks) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.strip().length() > maxLength) {
            return Optional.of(Reason.of("problem.too-long", maxLength));
        }
        return firstForbidden(value, lineBreaks);
    }

    private static Optional<Reason> firstForbidden(String value, boolean lineBreaks) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(Reason.of("problem.lone-surrogate", "%04X".formatted((int) c), i + 1));
            } else if (Character.isISOControl(c) && !(lineBreaks && (c == '\n' || c == '\r' || c == '\t'))) {
                return Optional.of(Reason.of("problem.control-character", "%04X".formatted((int) c), i + 1));
            }
        }
        return Optional.empty();
    }
}
