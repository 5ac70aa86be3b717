package com.tierdesk.customer;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.Reason;
import com.tierdesk.shared.TextRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The field rules shared by the REST API and the bulk import, so that both accept and
 * refuse exactly the same values. Each check returns the reason for a refusal, or empty.
 * Texts follow the shared {@link TextRules}; a refusal quotes a value at most in part.
 */
public final class FieldRules {

    public static final int MAX_CODE_LENGTH = 64;
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    public static final BigDecimal MAX_USAGE_HOURS = new BigDecimal("99999999.99");
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_TAG_LENGTH = 64;
    /** The free-form detail of an interaction, the one text that may hold line breaks. */
    public static final int MAX_DETAIL_LENGTH = 4000;
    /** Dates and times are taken from 1900 to 9999: what both databases store and every file format writes. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");
    /** Chinese mobile numbers (11 digits from 13x to 19x), optionally with +86. */
    private static final Pattern CN_MOBILE = Pattern.compile("(?:\\+?86)?1[3-9]\\d{9}");
    /** Chinese landlines with area code, e.g. 010-12345678 or 0755-1234567, optional extension. */
    private static final Pattern CN_LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(?:-\\d{1,6})?");
    /** Other countries in E.164 form. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s()]");

    private FieldRules() {
    }

    public static Optional<Reason> code(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(Reason.of("problem.required"));
        }
        if (!CODE.matcher(value).matches()) {
            return Optional.of(Reason.of("problem.code-format"));
        }
        return Optional.empty();
    }

    public static Optional<Reason> email(String value) {
        return TextRules.email(value);
    }

    /** The phone number with spaces and brackets removed, as it is stored. */
    public static String normalisePhone(String value) {
        return value == null ? null : PHONE_SEPARATORS.matcher(value.strip()).replaceAll("");
    }

    public static Optional<Reason> phone(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        String phone = normalisePhone(value);
        if (CN_MOBILE.matcher(phone).matches() || CN_LANDLINE.matcher(phone).matches() || E164.matcher(phone).matches()) {
            return Optional.empty();
        }
        return Optional.of(Reason.of("problem.phone"));
    }

    /** Parses an amount in CNY: a plain decimal with at most two decimal places, from 0 up to {@link #MAX_AMOUNT}. */
    public static BigDecimal parseAmount(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(Reason.of("problem.required"));
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidField(Reason.of("problem.not-decimal", ApiProblems.echo(value)));
        }
        return checkAmount(amount);
    }

    public static BigDecimal checkAmount(BigDecimal amount) {
        if (amount == null) {
            throw new InvalidField(Reason.of("problem.required"));
        }
        if (amount.signum() < 0) {
            throw new InvalidField(Reason.of("problem.negative"));
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidField(Reason.of("problem.decimals-two"));
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidField(Reason.of("problem.at-most", MAX_AMOUNT.toPlainString()));
        }
        return amount.setScale(2);
    }

    /** Parses a date as yyyy-MM-dd (also yyyy/MM/dd and yyyyMMdd, as Excel and older systems write them). */
    public static LocalDate parseDate(String value) {
        String text = value.strip();
        try {
            if (text.length() == 8 && text.chars().allMatch(Character::isDigit)) {
                return LocalDate.parse(text, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            }
            return LocalDate.parse(text.replace('/', '-'));
        } catch (DateTimeParseException e) {
            throw new InvalidField(Reason.of("problem.not-date", ApiProblems.echo(value)));
        }
    }

    /**
     * Parses an instant: ISO-8601 with an offset ({@code 2025-03-01T10:15:00+08:00} or {@code Z}),
     * or a local date-time or date, read in the given business time zone.
     */
    public static Instant parseInstant(String value, ZoneId zone) {
        String text = value.strip();
        try {
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:?\\d{2}$") && text.contains("T")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            if (text.length() <= 10 || (text.length() == 8 && text.chars().allMatch(Character::isDigit))) {
                return parseDate(text).atStartOfDay(zone).toInstant();
            }
            return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException | InvalidField e) {
            throw new InvalidField(Reason.of("problem.not-date-time", ApiProblems.echo(value)));
        }
    }

    /** A customer tag: 1-64 characters (Chinese welcome) on one line, no separators (',' ';' '|'). */
    public static Optional<Reason> tag(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(Reason.of("problem.blank"));
        }
        Optional<Reason> text = TextRules.line(value, MAX_TAG_LENGTH);
        if (text.isPresent()) {
            return text;
        }
        if (value.chars().anyMatch(c -> c == ',' || c == ';' || c == '|')) {
            return Optional.of(Reason.of("problem.tag-separators"));
        }
        return Optional.empty();
    }

    /** A date from {@link #FIRST_DATE} to {@link #LAST_DATE}. */
    public static Optional<Reason> date(LocalDate value) {
        if (value != null && (value.isBefore(FIRST_DATE) || value.isAfter(LAST_DATE))) {
            return Optional.of(Reason.of("problem.between", FIRST_DATE, LAST_DATE));
        }
        return Optional.empty();
    }

    /** A point in time on a date from {@link #FIRST_DATE} to {@link #LAST_DATE} (UTC). */
    public static Optional<Reason> instant(Instant value) {
        return value == null ? Optional.empty() : date(LocalDate.ofInstant(value, ZoneOffset.UTC));
    }

    /** A month of a date from {@link #FIRST_DATE} to {@link #LAST_DATE}. */
    public static Optional<Reason> month(YearMonth value) {
        if (value != null && (value.isBefore(YearMonth.from(FIRST_DATE)) || value.isAfter(YearMonth.from(LAST_DATE)))) {
            return Optional.of(Reason.of("problem.between", YearMonth.from(FIRST_DATE), YearMonth.from(LAST_DATE)));
        }
        return Optional.empty();
    }

    public static Optional<Reason> birthday(LocalDate value, LocalDate today) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isAfter(today)) {
            return Optional.of(Reason.of("problem.not-future"));
        }
        if (value.getYear() < 1900) {
            return Optional.of(Reason.of("problem.before-1900"));
        }
        return Optional.empty();
    }

    /** A refund is part of the order's amount, never more. */
    public static Optional<Reason> refund(BigDecimal amount, BigDecimal refund) {
        if (amount != null && refund != null && refund.compareTo(amount) > 0) {
            return Optional.of(Reason.of("problem.refund"));
        }
        return Optional.empty();
    }

    /** An order is paid after it was placed. */
    public static Optional<Reason> paidAt(Instant placedAt, Instant paidAt) {
        if (placedAt != null && paidAt != null && paidAt.isBefore(placedAt)) {
            return Optional.of(Reason.of("problem.paid-before-placed"));
        }
        return Optional.empty();
    }

    /** Product usage hours: 0 to 99,999,999.99 with at most two decimal places. */
    public static Optional<Reason> usageHours(BigDecimal value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.signum() < 0) {
            return Optional.of(Reason.of("problem.negative"));
        }
        if (value.stripTrailingZeros().scale() > 2) {
            return Optional.of(Reason.of("problem.decimals-two"));
        }
        if (value.compareTo(MAX_USAGE_HOURS) > 0) {
            return Optional.of(Reason.of("problem.at-most", MAX_USAGE_HOURS.toPlainString()));
        }
        return Optional.empty();
    }

    /** A feature activation rate: a share from 0 to 1 with at most four decimal places. */
    public static Optional<Reason> activationRate(BigDecimal value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            return Optional.of(Reason.of("problem.between", 0, 1));
        }
        if (value.stripTrailingZeros().scale() > 4) {
            return Optional.of(Reason.of("problem.decimals-four"));
        }
        return Optional.empty();
    }

    /** A field value that breaks a rule, and why; the caller adds the field name. */
    public static final class InvalidField extends RuntimeException {

        private final transient Reason reason;

        public InvalidField(Reason reason) {
            super(reason.toString(), null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
