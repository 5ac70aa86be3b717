package com.tierdesk.shared;

import java.util.Objects;

/** A column of an exported list: its header in the reader's language and the kind of value its cells hold. */
public record ExportColumn(String header, Kind kind) {

    /**
     * What a column's cells hold, and so how each format writes them: {@code TEXT} any value as text, {@code INTEGER}
     * a whole {@link Number}, {@code AMOUNT} a {@link java.math.BigDecimal} of money (two decimals), {@code DECIMAL}
     * any other {@link Number}, {@code DATE} a {@link java.time.LocalDate}, {@code INSTANT} an
     * {@link java.time.Instant} shown in the reader's time zone.
     */
    public enum Kind { TEXT, INTEGER, AMOUNT, DECIMAL, DATE, INSTANT }

    public ExportColumn {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(kind, "kind");
    }

    public static ExportColumn text(String header) {
        return new ExportColumn(header, Kind.TEXT);
    }
}
