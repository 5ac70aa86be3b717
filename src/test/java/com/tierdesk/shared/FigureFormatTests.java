package com.tierdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FigureFormatTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    final FigureFormat chinese = new FigureFormat(Locale.SIMPLIFIED_CHINESE, SHANGHAI);
    final FigureFormat english = new FigureFormat(Locale.ENGLISH, SHANGHAI);

    @Test
    void numbersHaveThousandsSeparatorsAndAtMostTwoDecimals() {
        assertThat(chinese.number(1234567)).isEqualTo("1,234,567");
        assertThat(english.number(new BigDecimal("3.456"))).isEqualTo("3.46");
        assertThat(chinese.percent(12.5)).isEqualTo("12.5%");
    }

    @Test
    void scoresHaveTwoDecimalsAndRatiosAtMostThree() {
        assertThat(chinese.score(78.4)).isEqualTo("78.40");
        assertThat(english.score(1250)).isEqualTo("1,250.00");
        assertThat(english.score(-0.125)).isEqualTo("-0.12");
        assertThat(chinese.ratio(0.1254)).isEqualTo("0.125");
        assertThat(english.ratio(1.5)).isEqualTo("1.5");
        assertThat(english.ratio(-0.25)).isEqualTo("-0.25");
    }

    @Test
    void yuanHaveTheSignAndTwoDecimals() {
        assertThat(chinese.money(new BigDecimal("12345.6"))).isEqualTo("¥12,345.60");
        assertThat(english.money(new BigDecimal("-5"))).isEqualTo("-¥5.00");
        assertThat(english.money(0)).isEqualTo("¥0.00");
    }

    @Test
    void datesAreIsoInChineseAndWordsInEnglish() {
        LocalDate day = LocalDate.of(2026, 11, 27);
        assertThat(chinese.date(day)).isEqualTo("2026-11-27");
        assertThat(english.date(day)).isEqualTo("27 Nov 2026");
        assertThat(chinese.month(YearMonth.of(2026, 11))).isEqualTo("2026-11");
        assertThat(english.month(YearMonth.of(2026, 11))).isEqualTo("Nov 2026");
    }

    @Test
    void instantsAreWrittenInTheBusinessTimeZone() {
        Instant lateUtc = Instant.parse("2026-11-26T17:30:00Z");
        assertThat(chinese.date(lateUtc)).as("01:30 the next day in Shanghai").isEqualTo("2026-11-27");
        assertThat(chinese.dateTime(lateUtc)).isEqualTo("2026-11-27 01:30");
        assertThat(english.dateTime(lateUtc)).isEqualTo("27 Nov 2026, 01:30");
    }

    @Test
    void aMissingValueIsADash() {
        assertThat(chinese.number(null)).isEqualTo("—");
        assertThat(chinese.money(null)).isEqualTo("—");
        assertThat(english.date(null)).isEqualTo("—");
        assertThat(english.dateTime(null)).isEqualTo("—");
        assertThat(chinese.ratio(null)).isEqualTo("—");
        assertThat(chinese.score(null)).isEqualTo("—");
    }

    @Test
    void aNumberThatIsNotOneIsADash() {
        assertThat(chinese.number(Double.NaN)).isEqualTo("—");
        assertThat(english.money(Double.NaN)).isEqualTo("—");
        assertThat(english.percent(Float.NaN)).isEqualTo("—");
        assertThat(chinese.ratio(Double.NaN)).isEqualTo("—");
        assertThat(chinese.score(Double.NaN)).isEqualTo("—");
    }
}
