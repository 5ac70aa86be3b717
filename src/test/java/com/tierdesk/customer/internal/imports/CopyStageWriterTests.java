package com.tierdesk.customer.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CopyStageWriterTests {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Test
    void writesInstantsAndDatesAsJavaTimeWouldInUtc() {
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-30_000_000_000L, 250_000_000_000L));
            StringBuilder text = new StringBuilder();
            CopyStageWriter.appendInstant(text, instant);
            assertThat(text.toString()).isEqualTo(UTC.format(instant) + "+00");
            StringBuilder date = new StringBuilder();
            CopyStageWriter.appendDate(date, instant.getEpochSecond() / 86_400);
            assertThat(date.toString()).isEqualTo(LocalDate.ofEpochDay(instant.getEpochSecond() / 86_400).toString());
        }
        StringBuilder fraction = new StringBuilder();
        CopyStageWriter.appendInstant(fraction, Instant.parse("2025-03-01T10:15:00.120Z"));
        assertThat(fraction.toString()).isEqualTo("2025-03-01 10:15:00.120000000+00");
    }
}
