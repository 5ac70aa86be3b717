package com.tierdesk.sla;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Deadlines per second on one core: the shipped {@code business} calendar (Mon–Fri 09:00–18:00 Asia/Shanghai with
 * China's 2025 and 2026 holidays and make-up days, read from the migration that ships them), random starts to the
 * second over 2025–2026, and the business-hours durations of the shipped matrix (1 h to 72 h).
 * Run: {@code bench/jmh/run.sh DeadlineBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class DeadlineBenchmark {

    private static final Path SHIPPED_HOLIDAYS = Path.of("src/main/resources/db/migration/V21__sla_china_holidays_2025_2026.sql");
    private static final Pattern DAY = Pattern.compile("DATE '(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|MAKEUP_WORKDAY)', '([^']*)'");
    private static final long[] HOURS = {1, 2, 4, 8, 24, 48, 72};
    private static final int SAMPLES = 1 << 16;

    private BusinessCalendar business;
    private Instant[] starts;
    private Duration[] durations;
    private int next;

    @Setup
    public void setUp() throws IOException {
        business = shippedBusinessCalendar();
        var random = new SplittableRandom(20260101);
        long from = Instant.parse("2024-12-31T16:00:00Z").getEpochSecond();
        long to = Instant.parse("2026-12-31T16:00:00Z").getEpochSecond();
        starts = new Instant[SAMPLES];
        durations = new Duration[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            starts[i] = Instant.ofEpochSecond(random.nextLong(from, to));
            durations[i] = Duration.ofHours(HOURS[random.nextInt(HOURS.length)]);
        }
        for (int i = 0; i < SAMPLES; i++) {
            business.add(starts[i], durations[i]); // lays out the years once, as a running service would have
        }
    }

    @Benchmark
    public Instant deadline() {
        int i = next++ & (SAMPLES - 1);
        return business.add(starts[i], durations[i]);
    }

    static BusinessCalendar shippedBusinessCalendar() throws IOException {
        var days = new ArrayList<CalendarDay>();
        Matcher m = DAY.matcher(Files.readString(SHIPPED_HOLIDAYS, StandardCharsets.UTF_8));
        while (m.find()) {
            days.add(new CalendarDay(LocalDate.parse(m.group(1)), DayKind.valueOf(m.group(2)), m.group(3)));
        }
        if (days.size() != 72) {
            throw new IllegalStateException("expected the 61 holidays and 11 make-up days of 2025-2026, read " + days.size());
        }
        return BusinessCalendar.of("business", "business", ZoneId.of("Asia/Shanghai"),
                WeeklyHours.weekdays(WorkingPeriod.of("09:00", "18:00")), days,
                List.of(new HolidayYear(2025, "notice"), new HolidayYear(2026, "notice")));
    }
}
