package com.tierdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class CountdownTests {

    private static final Instant NOW = Instant.parse("2026-04-07T02:00:00Z");
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final Countdown countdown = new Countdown(bundles());

    @Test
    void countsMinutesHoursAndDaysLeavingTheZeroOnesOut() {
        assertThat(left(Duration.ofMinutes(59), Locale.ENGLISH)).isEqualTo("59 min left");
        assertThat(left(Duration.ofMinutes(60), Locale.ENGLISH)).isEqualTo("1 h left");
        assertThat(left(Duration.ofMinutes(61), Locale.ENGLISH)).isEqualTo("1 h 1 min left");
        assertThat(left(Duration.ofHours(24).minusMinutes(1), Locale.ENGLISH)).isEqualTo("23 h 59 min left");
        assertThat(left(Duration.ofHours(24), Locale.ENGLISH)).isEqualTo("1 d left");
        assertThat(left(Duration.ofDays(2).plusMinutes(5), Locale.ENGLISH)).isEqualTo("2 d 5 min left");
        assertThat(left(Duration.ofDays(3).plusHours(4).plusMinutes(30), CHINESE)).isEqualTo("还剩 3 天 4 小时 30 分钟");
        assertThat(left(Duration.ofHours(2), CHINESE)).isEqualTo("还剩 2 小时");
    }

    @Test
    void truncatesToTheMinuteAndCountsLessThanAMinuteAsOne() {
        assertThat(left(Duration.ofSeconds(119), Locale.ENGLISH)).isEqualTo("1 min left");
        assertThat(left(Duration.ofSeconds(20), Locale.ENGLISH)).isEqualTo("1 min left");
        assertThat(left(Duration.ZERO, CHINESE)).isEqualTo("还剩 1 分钟");
    }

    @Test
    void saysByHowMuchADueInstantIsPast() {
        assertThat(left(Duration.ofSeconds(-30), Locale.ENGLISH)).isEqualTo("overdue by 1 min");
        assertThat(left(Duration.ofMinutes(-90), Locale.ENGLISH)).isEqualTo("overdue by 1 h 30 min");
        assertThat(left(Duration.ofDays(-1).minusMinutes(10), CHINESE)).isEqualTo("已超时 1 天 10 分钟");
    }

    @Test
    void aPausedClockSaysSoWhateverItsDue() {
        assertThat(countdown.text(NOW.minusSeconds(3600), true, NOW, Locale.ENGLISH)).isEqualTo("paused");
        assertThat(countdown.text(NOW.plusSeconds(3600), true, NOW, CHINESE)).isEqualTo("已暂停");
    }

    private String left(Duration untilDue, Locale locale) {
        return countdown.text(NOW.plus(untilDue), false, NOW, locale);
    }

    /** The application's bundles, read as Spring Boot reads them. */
    private static ResourceBundleMessageSource bundles() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
