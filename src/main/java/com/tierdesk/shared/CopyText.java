package com.tierdesk.shared;

/** Values in PostgreSQL's COPY text format, for the COPY writers. */
public final class CopyText {

    private CopyText() {
    }

    /** Appends the text with COPY's escapes for the backslash, tab, newline and carriage return. */
    public static void appendEscaped(StringBuilder text, String value) {
        if (!needsEscape(value)) {
            text.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private static boolean needsEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
