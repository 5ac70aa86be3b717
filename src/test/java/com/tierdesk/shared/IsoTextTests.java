package com.tierdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class IsoTextTests {

    @Test
    void writesTheSameDatesAsJavaTime() {
        long first = LocalDate.of(0, 1, 1).toEpochDay();
        long last = LocalDate.of(9999, 12, 31).toEpochDay();
        qt().forAll(longs().between(first, last)).checkAssert(day -> {
            StringBuilder text = new StringBuilder();
            IsoText.appendDate(text, day);
            assertThat(text).hasToString(LocalDate.ofEpochDay(day).toString());
        });
        assertThatThrownBy(() -> IsoText.appendDate(new StringBuilder(), last + 1)).hasMessageContaining("yyyy");
    }

    @Test
    void writesClockTimesWithSeconds() {
        qt().forAll(integers().between(0, 86_399)).checkAssert(second -> {
            StringBuilder text = new StringBuilder();
            IsoText.appendClock(text, second);
            assertThat(text).hasToString(LocalTime.ofSecondOfDay(second).withNano(0).toString()
                    + (second % 60 == 0 ? ":00" : ""));
        });
    }
}
