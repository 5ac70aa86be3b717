package com.tierdesk.customer.internal.imports;

import com.tierdesk.customer.FieldRules;
import com.tierdesk.customer.ImportRow;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.Reason;
import com.tierdesk.shared.TextRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the fields of one row by the shared {@link FieldRules} and {@link TextRules}; every refused value is
 * recorded as a problem with its field and reason, and the row is then not valid.
 */
final class RowCheck implements ImportRow {

    private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(
            Map.entry("true", true), Map.entry("false", false), Map.entry("1", true), Map.entry("0", false),
            Map.entry("yes", true), Map.entry("no", false), Map.entry("y", true), Map.entry("n", false),
            Map.entry("是", true), Map.entry("否", false));

    private final List<String> fields;
    private final Problems problems;
    private final ZoneId zone;
    private final LocalDate today;
    private RawRow row;
    private boolean valid;

    /**
     * @param zone  the business time zone, in which times without an offset are read
     * @param today the business day the import runs on
     */
    RowCheck(List<String> fields, Problems problems, ZoneId zone, LocalDate today) {
        this.fields = fields;
        this.problems = problems;
        this.zone = zone;
        this.today = today;
    }

    void start(RawRow next) {
        this.row = next;
        this.valid = true;
        if (next.problem() != null) {
            refuse(null, next.problem());
        }
    }

    /** Whether no field of the row was refused; counts the row as rejected when one was. */
    boolean finish() {
        if (!valid) {
            problems.rowRejected();
        }
        return valid;
    }

    @Override
    public long line() {
        return row.line();
    }

    LocalDate today() {
        return today;
    }

    void refuse(String field, Reason reason) {
        problems.add(row.line(), field, reason);
        valid = false;
    }

    @Override
    public void refuse(String field, String code, Object... arguments) {
        refuse(field, Reason.of(code, arguments));
    }

    @Override
    public String raw(String field) {
        return row.values()[fields.indexOf(field)];
    }

    /** A one-line text. */
    @Override
    public String text(String field, int maxLength) {
        String value = raw(field);
        return check(field, TextRules.line(value, maxLength), value);
    }

    @Override
    public String requiredText(String field, int maxLength) {
        String value = raw(field);
        return check(field, TextRules.requiredLine(value, maxLength), value);
    }

    /** A text that may hold line breaks and tabs. */
    @Override
    public String multilineText(String field, int maxLength) {
        String value = raw(field);
        return check(field, TextRules.multiline(value, maxLength), value);
    }

    /** Refuses the field for the reason a shared rule gives, if it gives one. */
    void apply(String field, Optional<Reason> refusal) {
        refusal.ifPresent(reason -> refuse(field, reason));
    }

    @Override
    public String code(String field, boolean required) {
        String value = raw(field);
        if (value == null && !required) {
            return null;
        }
        return check(field, FieldRules.code(value), value);
    }

    String email(String field) {
        String value = raw(field);
        return check(field, FieldRules.email(value), value);
    }

    String phone(String field) {
        String value = raw(field);
        return check(field, FieldRules.phone(value), FieldRules.normalisePhone(value));
    }

    private <T> T check(String field, Optional<Reason> refusal, T value) {
        if (refusal.isPresent()) {
            refuse(field, refusal.get());
            return null;
        }
        return value;
    }

    BigDecimal amount(String field, boolean required) {
        String value = raw(field);
        if (value == null) {
            if (required) {
                refuse(field, "problem.required");
            }
            return null;
        }
        try {
            return FieldRules.parseAmount(value);
        } catch (FieldRules.InvalidField e) {
            refuse(field, e.reason());
            return null;
        }
    }

    /** A non-negative decimal with at most {@code scale} places, up to {@code max}. */
    BigDecimal decimal(String field, int scale, BigDecimal max) {
        String value = raw(field);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.signum() < 0 || number.compareTo(max) > 0) {
                refuse(field, "problem.between", 0, max.toPlainString());
                return null;
            }
            if (number.stripTrailingZeros().scale() > scale) {
                refuse(field, "problem.decimals", scale);
                return null;
            }
            return number.setScale(scale);
        } catch (NumberFormatException e) {
            refuse(field, "problem.not-decimal", ApiProblems.echo(value));
            return null;
        }
    }

    LocalDate date(String field) {
        String value = raw(field);
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = FieldRules.parseDate(value);
            return check(field, FieldRules.date(date), date);
        } catch (FieldRules.InvalidField e) {
            refuse(field, e.reason());
            return null;
        }
    }

    @Override
    public Instant instant(String field, boolean required) {
        String value = raw(field);
        if (value == null) {
            if (required) {
                refuse(field, "problem.required");
            }
            return null;
        }
        Instant canonical = CanonicalInstants.parse(value);
        if (canonical != null) {
            return check(field, FieldRules.instant(canonical), canonical);
        }
        try {
            Instant instant = FieldRules.parseInstant(value, zone);
            return check(field, FieldRules.instant(instant), instant);
        } catch (FieldRules.InvalidField e) {
            refuse(field, e.reason());
            return null;
        }
    }

    boolean bool(String field) {
        String value = raw(field);
        if (value == null) {
            return false;
        }
        Boolean parsed = BOOLEANS.get(value.toLowerCase(Locale.ROOT));
        if (parsed == null) {
            refuse(field, "problem.import.boolean", ApiProblems.echo(value));
            return false;
        }
        return parsed;
    }

    /** An enum constant by name (case-insensitive) or by one of the given aliases; {@code null} when empty. */
    @Override
    public <E extends Enum<E>> E choice(String field, Class<E> type, Map<String, E> aliases) {
        String value = raw(field);
        if (value == null) {
            return null;
        }
        E alias = aliases.get(value);
        if (alias != null) {
            return alias;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            refuse(field, "problem.with-value", Reason.of("problem.one-of", Arrays.toString(type.getEnumConstants())),
                    ApiProblems.echo(value));
            return null;
        }
    }
}
