package com.tierdesk.customer.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.FieldRules;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CanonicalInstantsTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void agreesWithTheFieldRulesOnCanonicalTimestamps() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 4_000_000_000L));
            int offsetMinutes = (random.nextInt(-12 * 4, 14 * 4)) * 15;
            String text = instant.atOffset(java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60))
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx"));
            assertThat(CanonicalInstants.parse(text)).as(text).isEqualTo(FieldRules.parseInstant(text, SHANGHAI));
        }
        assertThat(CanonicalInstants.parse("2025-03-01T10:15:00Z")).isEqualTo(Instant.parse("2025-03-01T10:15:00Z"));
    }

    @Test
    void leavesEverythingElseToTheFieldRules() {
        assertThat(CanonicalInstants.parse("2025-02-30T10:15:00+08:00")).isNull();
        assertThat(CanonicalInstants.parse("2025-03-01 10:15:00+08:00")).isNull();
        assertThat(CanonicalInstants.parse("2025-03-01T24:15:00+08:00")).isNull();
        assertThat(CanonicalInstants.parse("2025-03-01T10:15:00.5+08:00")).isNull();
        assertThat(CanonicalInstants.parse("2025-03-01")).isNull();
        assertThat(CanonicalInstants.parse("2025-03-01T10:15:00+0800")).isNull();
    }
}
