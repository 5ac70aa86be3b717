package com.tierdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.tierdesk.shared.Reason;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FieldRulesTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void amountsWithTwoDecimalsParseExactly() {
        qt().forAll(longs().between(0, 99_999_999_999_999L)).checkAssert(cents -> {
            BigDecimal expected = BigDecimal.valueOf(cents, 2);

            assertThat(FieldRules.parseAmount(expected.toPlainString())).isEqualByComparingTo(expected);
            assertThat(FieldRules.parseAmount(expected.toPlainString()).scale()).isEqualTo(2);
        });
    }

    @Test
    void refusesAmountsThatAreNotExactCny() {
        assertThatThrownBy(() -> FieldRules.parseAmount("12.345")).hasMessageContaining("two decimal places");
        assertThatThrownBy(() -> FieldRules.parseAmount("-1")).hasMessageContaining("negative");
        assertThatThrownBy(() -> FieldRules.parseAmount("12,50")).hasMessageContaining("not a decimal");
        assertThatThrownBy(() -> FieldRules.parseAmount("1e3x")).hasMessageContaining("not a decimal");
        assertThatThrownBy(() -> FieldRules.parseAmount("1000000000000")).hasMessageContaining("exceed");
        assertThat(FieldRules.parseAmount("12.300")).isEqualByComparingTo("12.30");
    }

    @Test
    void acceptsChineseMobilesLandlinesAndInternationalNumbers() {
        assertThat(FieldRules.phone("13812345678")).isEmpty();
        assertThat(FieldRules.phone("+86 138 1234 5678")).isEmpty();
        assertThat(FieldRules.phone("010-12345678")).isEmpty();
        assertThat(FieldRules.phone("0755-1234567-801")).isEmpty();
        assertThat(FieldRules.phone("+49 30 1234567")).isEmpty();
        assertThat(FieldRules.phone("12345").map(Reason::toString)).hasValueSatisfying(reason -> assertThat(reason).contains("phone"));
        assertThat(FieldRules.phone("1381234567a")).isPresent();
        assertThat(FieldRules.phone("")).isEmpty();
    }

    @Test
    void checksEmailsAndCodes() {
        assertThat(FieldRules.email("wang.li@example.com")).isEmpty();
        assertThat(FieldRules.email("wang.li@example")).isPresent();
        assertThat(FieldRules.email("not an email")).isPresent();
        assertThat(FieldRules.code("C2024001")).isEmpty();
        assertThat(FieldRules.code(" ").map(Reason::toString)).hasValue("is required");
        assertThat(FieldRules.code("C 1")).isPresent();
    }

    @Test
    void readsDatesAndTimesAsExcelAndIsoWriteThem() {
        assertThat(FieldRules.parseDate("2025-02-08")).isEqualTo(LocalDate.of(2025, 2, 8));
        assertThat(FieldRules.parseDate("2025/02/08")).isEqualTo(LocalDate.of(2025, 2, 8));
        assertThat(FieldRules.parseDate("19970101")).isEqualTo(LocalDate.of(1997, 1, 1));
        assertThatThrownBy(() -> FieldRules.parseDate("2025-02-30")).hasMessageContaining("not a date");

        assertThat(FieldRules.parseInstant("2025-03-01T10:15:00+08:00", SHANGHAI))
                .isEqualTo(Instant.parse("2025-03-01T02:15:00Z"));
        assertThat(FieldRules.parseInstant("2025-03-01T02:15:00Z", SHANGHAI))
                .isEqualTo(Instant.parse("2025-03-01T02:15:00Z"));
        assertThat(FieldRules.parseInstant("2025-03-01 10:15:00", SHANGHAI))
                .isEqualTo(Instant.parse("2025-03-01T02:15:00Z"));
        assertThat(FieldRules.parseInstant("2025-03-01", SHANGHAI)).isEqualTo(Instant.parse("2025-02-28T16:00:00Z"));
        assertThatThrownBy(() -> FieldRules.parseInstant("yesterday", SHANGHAI)).hasMessageContaining("date-time");
    }

    @Test
    void takesDatesTimesAndMonthsFrom1900To9999() {
        assertThat(FieldRules.date(LocalDate.of(1900, 1, 1))).isEmpty();
        assertThat(FieldRules.date(LocalDate.of(9999, 12, 31))).isEmpty();
        assertThat(FieldRules.date(LocalDate.of(1899, 12, 31)).map(Reason::toString)).hasValue("must be between 1900-01-01 and 9999-12-31");
        assertThat(FieldRules.date(LocalDate.of(10_000, 1, 1))).isPresent();
        assertThat(FieldRules.instant(Instant.parse("9999-12-31T23:59:59Z"))).isEmpty();
        assertThat(FieldRules.instant(Instant.parse("+10000-01-01T00:00:00Z"))).isPresent();
        assertThat(FieldRules.month(YearMonth.of(1900, 1))).isEmpty();
        assertThat(FieldRules.month(YearMonth.of(1899, 12)).map(Reason::toString)).hasValue("must be between 1900-01 and 9999-12");
    }

    @Test
    void aTagIsOneLineWithoutSeparators() {
        assertThat(FieldRules.tag("高频购买")).isEmpty();
        assertThat(FieldRules.tag("a|b").map(Reason::toString)).hasValue("must not contain ',', ';' or '|'");
        assertThat(FieldRules.tag("a\tb").map(Reason::toString)).hasValueSatisfying(reason -> assertThat(reason).startsWith("must not contain control"));
        assertThat(FieldRules.tag("a\uD800").map(Reason::toString)).hasValueSatisfying(reason -> assertThat(reason).startsWith("must not contain a lone"));
    }

    @Test
    void aRefusedValueIsQuotedOnlyInPart() {
        assertThatThrownBy(() -> FieldRules.parseAmount("x".repeat(100_000)))
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
    }
}
