package com.tierdesk.customer;

import java.time.Instant;
import java.util.Map;

/**
 * One row of an import file as a {@link RowImporter} reads it: its values by TierDesk field name, read by the same
 * rules as the customer module's own kinds. Every refused value becomes a problem of the row's report with its
 * field and reason, and the row is then not imported.
 */
public interface ImportRow {

    long line();

    /** The value as the file holds it (stripped, {@code null} when empty). */
    String raw(String field);

    /** A one-line text up to {@code maxLength}; {@code null} when empty. */
    String text(String field, int maxLength);

    String requiredText(String field, int maxLength);

    /** A text that may hold line breaks and tabs. */
    String multilineText(String field, int maxLength);

    /** A code (letters, digits, {@code -_.}), as customer codes are. */
    String code(String field, boolean required);

    /** A time with or without an offset (read in the business time zone then), or an Excel date-time. */
    Instant instant(String field, boolean required);

    /** An enum constant by name (case-insensitive) or by one of the given aliases; {@code null} when empty. */
    <E extends Enum<E>> E choice(String field, Class<E> type, Map<String, E> aliases);

    /** Refuses the row for a reason of {@code field} ({@code null}: the whole row). */
    void refuse(String field, String code, Object... arguments);
}
