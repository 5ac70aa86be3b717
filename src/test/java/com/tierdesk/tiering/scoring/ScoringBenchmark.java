package com.tierdesk.tiering.scoring;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pure scoring throughput in customers per second on one core: the whole population scored, graded and decided
 * (hysteresis, churn) with a shipped model, from metric values already in memory, all on the benchmark's thread (the
 * indicators' parallel normalisation off), except {@link #valuePotentialLoyaltyAllCores}, which scores as the
 * application does, the normalisation spread over the common pool. {@code bench/jmh/run.sh ScoringBenchmark -t 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoringBenchmark {

    static final int CUSTOMERS = 200_000;

    private final ScoringModel valuePotentialLoyalty = ModelPresets.valuePotentialLoyalty();
    private final ScoringModel ranked = PopulationScoringTests.rankedScorecard();
    private final ScoringModel rules = ModelPresets.simpleRules();
    private PopulationScoring.Input defaultPopulation;
    private PopulationScoring.Input rankedPopulation;
    private PopulationScoring.Input rulesPopulation;

    @Setup
    public void population() {
        defaultPopulation = PopulationScoringTests.randomPopulation(valuePotentialLoyalty, CUSTOMERS, 42);
        rankedPopulation = PopulationScoringTests.randomPopulation(ranked, CUSTOMERS, 42);
        rulesPopulation = PopulationScoringTests.randomPopulation(rules, CUSTOMERS, 42);
    }

    /** Breakpoint normalisations, thresholds. */
    @Benchmark
    @OperationsPerInvocation(CUSTOMERS)
    public PopulationScoring.Outcome valuePotentialLoyalty() {
        return PopulationScoring.score(valuePotentialLoyalty, defaultPopulation, false);
    }

    /** The RFM scorecard as it shipped before: two percentile ranks over the population, quotas. */
    @Benchmark
    @OperationsPerInvocation(CUSTOMERS)
    public PopulationScoring.Outcome rankedScorecard() {
        return PopulationScoring.score(ranked, rankedPopulation, false);
    }

    /** Rule-based grading. */
    @Benchmark
    @OperationsPerInvocation(CUSTOMERS)
    public PopulationScoring.Outcome simpleRules() {
        return PopulationScoring.score(rules, rulesPopulation, false);
    }

    /** The default model as the application scores it: the indicators normalised in parallel on every core. */
    @Benchmark
    @OperationsPerInvocation(CUSTOMERS)
    public PopulationScoring.Outcome valuePotentialLoyaltyAllCores() {
        return PopulationScoring.score(valuePotentialLoyalty, defaultPopulation, true);
    }
}
