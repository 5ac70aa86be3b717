package com.tierdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * second over 2025–2026, and the business-hours durations of the shipped matrix (1 h to 72 h): the due instant alone
 * ({@code deadline}, what a queue or a clock computes), and the due instant with the steps that explain it
 * ({@code deadlineWithSteps}, what a trace shows). Run: {@code bench/jmh/run.sh DeadlineBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class DeadlineBenchmark {

    private static final long[] HOURS = {1, 2, 4, 8, 24, 48, 72};
    private static final int SAMPLES = 1 << 16;

    private BusinessCalendar business;
    private Instant[] starts;
    private Duration[] durations;
    private int next;

    @Setup
    public void setUp() {
        business = Calendars.shippedBusiness();
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

    @Benchmark
    public DeadlineSteps deadlineWithSteps() {
        int i = next++ & (SAMPLES - 1);
        return business.explain(starts[i], durations[i], List.of(), Calendars.SHANGHAI);
    }
}
