package com.tierdesk.tiering.internal;

import com.tierdesk.customer.ActivityFigures;
import com.tierdesk.customer.ActivityWindow;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.Customers;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.tiering.AssessmentRun.PurchaseModel;
import com.tierdesk.tiering.RunProgress;
import com.tierdesk.tiering.RunStatus;
import com.tierdesk.tiering.RunSummary;
import com.tierdesk.tiering.Segment;
import com.tierdesk.tiering.TierCatalog;
import com.tierdesk.tiering.scoring.Indicator;
import com.tierdesk.tiering.scoring.Metric;
import com.tierdesk.tiering.scoring.Normalisation;
import com.tierdesk.tiering.scoring.PopulationScoring;
import com.tierdesk.tiering.scoring.Regrading;
import com.tierdesk.tiering.scoring.ScoringModel;
import com.tierdesk.tiering.scoring.TierDecision;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Executes an assessment run: reads every customer's activity figures as of the run's date (a million rows
 * from the snapshot as of today, a scan of the orders for an earlier date), computes the model's metrics,
 * scores and grades the whole population in memory, decides each assessed customer's tier against the
 * published one, and stores the results and the run's summary in one transaction. Progress is written as it
 * goes, so any instance can show it. Running a run again (after a crash) starts it over.
 */
@Component
public class AssessmentEngine {

    private static final Logger log = LoggerFactory.getLogger(AssessmentEngine.class);
    private static final long PROGRESS_NANOS = 500_000_000L;
    private static final long LISTENER_NANOS = 100_000_000L;
    private static final int PROGRESS_BATCH = 8_192;

    private final RunStore runs;
    private final ModelStore models;
    private final CustomerActivity activity;
    private final Customers customers;
    private final TierCatalog tierCatalog;
    private final IndustryGrowthStore industryGrowth;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ResultStore storedResults;
    private final RunDistributions distributions;
    private final DataSource dataSource;
    private final JsonMapper json;
    private final BusinessTime time;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate reading;
    private final Executor background = new SimpleAsyncTaskExecutor("assessment-reading-");

    AssessmentEngine(RunStore runs, ModelStore models, CustomerActivity activity, Customers customers,
            TierCatalog tierCatalog, IndustryGrowthStore industryGrowth, JdbcClient jdbc, JdbcTemplate template,
            ResultStore storedResults, RunDistributions distributions, DataSource dataSource, JsonMapper json,
            BusinessTime time, PlatformTransactionManager transactions) {
        this.storedResults = storedResults;
        this.distributions = distributions;
        this.runs = runs;
        this.models = models;
        this.activity = activity;
        this.customers = customers;
        this.tierCatalog = tierCatalog;
        this.industryGrowth = industryGrowth;
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
        this.json = json;
        this.time = time;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /** Runs the run if it is queued (or was interrupted while running); does nothing to a finished run. */
    public void execute(long runId) {
        execute(runId, RunProgress.NONE);
    }

    /** Runs the run, telling the listener how far it has come as well as the run's row. */
    public void execute(long runId, RunProgress listener) {
        RunStore.RunRow run = runs.find(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        if (run.status().finished()) {
            return;
        }
        ScoringModel model = json.readValue(models.version(run.modelId(), run.modelVersion()).orElseThrow().definition(),
                ScoringModel.class);
        List<Metric> metrics = model.metrics();
        inOwnTransaction(() -> runs.started(runId, time.now(), String.join(",", metrics.stream().map(Metric::key).toList())));
        try {
            assess(run, model, metrics, listener);
        } catch (RuntimeException e) {
            log.warn("Assessment run {} failed", runId, e);
            inOwnTransaction(() -> {
                runs.deleteResults(runId);
                runs.failed(runId, RunFailures.of(e), time.now());
            });
            throw e;
        }
    }

    private void assess(RunStore.RunRow run, ScoringModel model, List<Metric> metrics, RunProgress listener) {
        long started = System.nanoTime();
        List<String> tierCodes = model.tierPolicy().codes();
        Progress progress = new Progress(run.id(), listener);
        long expected = customers.count();
        progress.report("READING", 0, expected);
        // the published tiers are read on another connection while the figures stream in
        CompletableFuture<CurrentTiers> published = CompletableFuture.supplyAsync(
                () -> reading.execute(status -> CurrentTiers.read(template, tierCodes)), background);
        ActivityWindow window = activity.window(run.asOf());
        var calculator = new MetricCalculator(window, time.zone(), industryGrowth.asOf(run.asOf().getYear()));
        boolean purchaseModel = metrics.stream().anyMatch(Metric::needsPurchaseModel);
        int parts = Math.max(1, Runtime.getRuntime().availableProcessors());
        List<PopulationColumns> columns = new java.util.ArrayList<>();
        for (int part = 0; part < parts; part++) {
            columns.add(new PopulationColumns(metrics, (int) Math.min(Integer.MAX_VALUE - 8, expected / parts + 1024), purchaseModel));
        }
        AtomicLong counted = new AtomicLong();
        activity.forEach(run.asOf(), parts, part -> {
            PopulationColumns ofPart = columns.get(part);
            return figures -> {
                ofPart.add(figures, calculator);
                if (ofPart.size() % PROGRESS_BATCH == 0) {
                    progress.report("READING", counted.addAndGet(PROGRESS_BATCH), expected);
                }
            };
        });
        PopulationColumns population = PopulationColumns.concatenate(columns);
        log.debug("run {}: figures read after {} ms", run.id(), (System.nanoTime() - started) / 1_000_000);
        CurrentTiers current = published.join();
        population.resolvePrevious(current);
        long read = System.nanoTime();
        long[] customerIds = population.customerIds();
        long[] previousRuns = population.previousRuns();
        Map<Long, MoveAnalysis.PreviousRun> previousRunMetrics = previousRuns(previousRuns);
        // the previous results are read on another connection while the population is scored
        CompletableFuture<MoveAnalysis.PreviousFigures> previousFigures = CompletableFuture.supplyAsync(
                () -> reading.execute(status -> MoveAnalysis.PreviousFigures.load(metrics, customerIds, previousRuns,
                        previousRunMetrics, storedResults::forEachFigures)), background);

        progress.report("SCORING", 0, population.size());
        PurchaseProbability purchase = population.fillPurchaseMetrics(window);
        log.debug("run {}: purchase probability after {} ms", run.id(), (System.nanoTime() - read) / 1_000_000);
        PopulationScoring.Outcome outcome = PopulationScoring.score(model, population.input());
        int[] assessed = assessed(run.id(), parse(run.segment()), population, current);
        RunResults scoredResults = results(run.id(), tierCodes, population, outcome, populationDependent(model, outcome),
                assessed);
        long movesStarted = System.nanoTime();
        MoveAnalysis.Outcome moves = MoveAnalysis.analyse(model, metrics, population.figures(), scoredResults.tiers(),
                assessed, baseline(run, tierCodes), previousFigures.join());
        log.debug("run {}: moves explained after {} ms", run.id(), (System.nanoTime() - movesStarted) / 1_000_000);
        RunResults results = scoredResults.withMoves(moves.moves());
        RunSummary summary = summary(tierCodes, results, outcome, moves.counts());
        long scored = System.nanoTime();

        progress.report("WRITING", 0, assessed.length);
        inOwnTransaction(() -> {
            runs.deleteResults(run.id());
            write(results, progress);
            distributions.store(run.id(), outcome.distributions());
            long written = System.nanoTime();
            Map<String, Long> millis = new LinkedHashMap<>();
            millis.put("read", (read - started) / 1_000_000);
            millis.put("score", (scored - read) / 1_000_000);
            millis.put("write", (written - scored) / 1_000_000);
            RunSummary timed = summary.withMillis(millis);
            runs.scored(run.id(), RunStatus.AWAITING_APPROVAL, population.size(), assessed.length,
                    json.writeValueAsString(timed), purchase == null ? null : json.writeValueAsString(purchaseModel(purchase)),
                    time.now());
        });
        log.info("Assessment run {}: {} customers read in {} ms, scored in {} ms, {} results stored", run.id(),
                population.size(), (read - started) / 1_000_000, (scored - read) / 1_000_000, assessed.length);
    }

    private void write(RunResults results, Progress progress) {
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            ResultWriter.write(connection, results, done -> progress.report("WRITING", done, results.assessed().length));
        } catch (SQLException e) {
            throw new IllegalStateException("storing the results failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private Segment parse(String segment) {
        return segment == null ? Segment.everybody() : json.readValue(segment, Segment.class);
    }

    /** The indices of the customers the segment selects (everybody by default). */
    private long[] triggeredCustomers(long runId) {
        return jdbc.sql("SELECT DISTINCT customer_id FROM tiering_trigger WHERE run_id = :run AND customer_id IS NOT NULL "
                + "ORDER BY customer_id").param("run", runId).query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
    }

    private int[] assessed(long runId, Segment segment, PopulationColumns population, CurrentTiers current) {
        if (segment.everybodyIncluded()) {
            int[] all = new int[population.size()];
            Arrays.setAll(all, i -> i);
            return all;
        }
        long[] selected = segment.triggered() ? triggeredCustomers(runId)
                : segment.selection().selectsEverybody() ? null : customers.ids(segment.selection());
        List<String> ladder = tierCatalog.codes();
        int[] tiers = segment.tiers().stream().mapToInt(ladder::indexOf).toArray();
        return java.util.stream.IntStream.range(0, population.size()).filter(i -> {
            long id = population.customerId(i);
            if (selected != null && Arrays.binarySearch(selected, id) < 0) {
                return false;
            }
            return tiers.length == 0 || Arrays.stream(tiers).anyMatch(t -> t == current.effectiveTier(id));
        }).toArray();
    }

    /**
     * The normalised scores worth storing: those of percentile-rank indicators, which depend on the whole
     * population. The others follow from the raw value and the model, so explanations recompute them.
     */
    private static double[][] populationDependent(ScoringModel model, PopulationScoring.Outcome outcome) {
        List<Indicator> indicators = model.indicators();
        return java.util.stream.IntStream.range(0, indicators.size())
                .filter(k -> indicators.get(k).normalisation() instanceof Normalisation.PercentileRank)
                .mapToObj(k -> outcome.indicatorScores()[k]).toArray(double[][]::new);
    }

    private static RunResults results(long runId, List<String> tierCodes, PopulationColumns population,
            PopulationScoring.Outcome outcome, double[][] storedIndicatorScores, int[] assessed) {
        int size = population.size();
        int[] tiers = new int[size];
        byte[] reasons = new byte[size];
        boolean[] pending = new boolean[size];
        for (int i = 0; i < size; i++) {
            TierDecision decision = outcome.decisions()[i];
            tiers[i] = decision.tier();
            reasons[i] = (byte) decision.reason().ordinal();
            pending[i] = decision.downgradePending();
        }
        return new RunResults(runId, tierCodes, population.customerIds(), outcome.scores(), outcome.graded(), tiers,
                reasons, outcome.gradingRule(), pending, population.previousTiers(), population.previousPending(),
                population.daysWithoutPaidOrder(), outcome.ranks(), population.values(), storedIndicatorScores, assessed);
    }

    /**
     * The population of the last run of the same scoring model published as of this run's date or before, as it was
     * kept (distributions, floors by this run's ladder, size and purchase-model fit); {@code null} when there is none.
     * Regrading needs that model's own population figures, and a run as of a later date is not an earlier state.
     */
    private MoveAnalysis.Baseline baseline(RunStore.RunRow run, List<String> tierCodes) {
        return runs.lastPublished(run.asOf(), run.modelId()).filter(row -> row.id() != run.id() && row.summary() != null).map(row -> {
            RunSummary summary = json.readValue(row.summary(), RunSummary.class);
            double[] floors = tierCodes.stream().mapToDouble(code -> summary.floors().getOrDefault(code, Double.NaN)).toArray();
            PurchaseModel purchase = row.purchaseModel() == null ? null : json.readValue(row.purchaseModel(), PurchaseModel.class);
            int size = row.population() == null ? 0 : row.population();
            return new MoveAnalysis.Baseline(row.id(), new Regrading.Baseline(distributions.of(row.id()), floors, size),
                    purchase);
        }).orElse(null);
    }

    /** The runs that gave the published tiers, with the metrics of their stored raw values. */
    private Map<Long, MoveAnalysis.PreviousRun> previousRuns(long[] previousRuns) {
        Map<Long, MoveAnalysis.PreviousRun> found = new LinkedHashMap<>();
        Arrays.stream(previousRuns).filter(id -> id >= 0).distinct().forEach(id -> runs.find(id)
                .filter(row -> row.metrics() != null)
                .ifPresent(row -> found.put(id, new MoveAnalysis.PreviousRun(id, List.of(row.metrics().split(","))))));
        return found;
    }

    private static RunSummary summary(List<String> tierCodes, RunResults results, PopulationScoring.Outcome outcome,
            RunSummary.Moves moves) {
        int tiers = tierCodes.size();
        long[][] matrix = new long[tiers + 1][tiers];
        long upgrades = 0;
        long downgrades = 0;
        long newcomers = 0;
        long unchanged = 0;
        long held = 0;
        long churned = 0;
        for (int i : results.assessed()) {
            int previous = results.previousTiers()[i];
            int tier = results.tiers()[i];
            matrix[previous < 0 ? tiers : previous][tier]++;
            if (previous < 0) {
                newcomers++;
            } else if (tier < previous) {
                upgrades++;
            } else if (tier > previous) {
                downgrades++;
            } else {
                unchanged++;
            }
            TierDecision.Reason reason = outcome.decisions()[i].reason();
            held += reason == TierDecision.Reason.HELD ? 1 : 0;
            churned += reason == TierDecision.Reason.CHURN ? 1 : 0;
        }
        Map<String, Long> distribution = new LinkedHashMap<>();
        for (int t = 0; t < tiers; t++) {
            long count = 0;
            for (long[] row : matrix) {
                count += row[t];
            }
            distribution.put(tierCodes.get(t), count);
        }
        Map<String, Double> floors = new LinkedHashMap<>();
        for (int t = 0; t < tiers; t++) {
            if (!Double.isNaN(outcome.floors()[t])) {
                floors.put(tierCodes.get(t), outcome.floors()[t]);
            }
        }
        return new RunSummary(tierCodes, distribution, matrix, upgrades, downgrades, newcomers, unchanged, held, churned,
                floors, Map.of(), moves);
    }

    private static PurchaseModel purchaseModel(PurchaseProbability purchase) {
        BgNbd model = purchase.model();
        return new PurchaseModel(model.r(), model.alpha(), model.a(), model.b(), purchase.logLikelihood(), purchase.sample());
    }

    private void inOwnTransaction(Runnable work) {
        ownTransaction.executeWithoutResult(status -> work.run());
    }

    /** Writes progress at most twice a second, outside whatever transaction the caller is reading in. */
    private final class Progress {

        private final long runId;
        private final RunProgress listener;
        private long lastWritten;
        private String lastStage;

        Progress(long runId, RunProgress listener) {
            this.runId = runId;
            this.listener = listener;
        }

        private long lastHeard;

        /** Tells the listener ten times a second and the run's row twice a second, and always a stage's start and end. */
        synchronized void report(String stage, long done, long total) {
            boolean edge = !stage.equals(lastStage) || done >= total;
            long now = System.nanoTime();
            if (edge || now - lastHeard >= LISTENER_NANOS) {
                lastHeard = now;
                listener.update(stage, done, total);
            }
            if (edge || now - lastWritten >= PROGRESS_NANOS) {
                lastWritten = now;
                lastStage = stage;
                inOwnTransaction(() -> runs.progress(runId, stage, done, total));
            }
        }
    }

    /** The population as columns, filled one customer at a time while the figures stream in. */
    private static final class PopulationColumns {

        private final List<Metric> metrics;
        private final int purchaseProbability;
        private final int expectedPurchases;
        private final boolean purchaseModel;
        private long[] customerIds;
        private double[][] values;
        private long[] daysWithoutPaidOrder;
        private int[] previousTiers;
        private boolean[] previousPending;
        private double[] previousScores;
        private long[] previousRuns;
        private RepeatBuying[] buying;
        private int size;

        PopulationColumns(List<Metric> metrics, int capacity, boolean purchaseModel) {
            this.metrics = metrics;
            this.purchaseModel = purchaseModel;
            this.purchaseProbability = metrics.indexOf(Metric.PURCHASE_PROBABILITY);
            this.expectedPurchases = metrics.indexOf(Metric.EXPECTED_PURCHASES);
            customerIds = new long[capacity];
            values = new double[metrics.size()][capacity];
            daysWithoutPaidOrder = new long[capacity];
            previousTiers = new int[capacity];
            previousPending = new boolean[capacity];
            previousScores = new double[capacity];
            previousRuns = new long[capacity];
            buying = purchaseModel ? new RepeatBuying[capacity] : null;
        }

        void add(ActivityFigures figures, MetricCalculator calculator) {
            if (size == customerIds.length) {
                grow();
            }
            long id = figures.customerId().value();
            customerIds[size] = id;
            for (int k = 0; k < values.length; k++) {
                values[k][size] = calculator.value(metrics.get(k), figures);
            }
            daysWithoutPaidOrder[size] = calculator.daysWithoutPaidOrder(figures);
            if (purchaseModel && figures.firstPaidAt() != null) {
                buying[size] = PurchaseProbability.repeatBuying(figures.firstPaidAt(), figures.lastPaidAt(),
                        figures.lifetimePaidOrders(), calculator.window().cut());
            }
            size++;
        }

        /** The parts one after the other: parts read ranges of ids in order, so customers stay in id order. */
        static PopulationColumns concatenate(List<PopulationColumns> parts) {
            if (parts.size() == 1) {
                return parts.get(0);
            }
            PopulationColumns first = parts.get(0);
            int size = parts.stream().mapToInt(PopulationColumns::size).sum();
            var all = new PopulationColumns(first.metrics, size, first.purchaseModel);
            for (PopulationColumns part : parts) {
                System.arraycopy(part.customerIds, 0, all.customerIds, all.size, part.size);
                for (int k = 0; k < all.values.length; k++) {
                    System.arraycopy(part.values[k], 0, all.values[k], all.size, part.size);
                }
                System.arraycopy(part.daysWithoutPaidOrder, 0, all.daysWithoutPaidOrder, all.size, part.size);
                if (all.buying != null) {
                    System.arraycopy(part.buying, 0, all.buying, all.size, part.size);
                }
                all.size += part.size;
            }
            return all;
        }

        void resolvePrevious(CurrentTiers current) {
            current.lookUp(customerIds, size, previousTiers, previousPending, previousScores, previousRuns);
        }

        /** Fits the purchase model and fills its metrics; {@code null} when the model needs none or cannot be fitted. */
        PurchaseProbability fillPurchaseMetrics(ActivityWindow window) {
            if (!purchaseModel) {
                return null;
            }
            PurchaseProbability fitted = PurchaseProbability.fit(customerIds, buying, size);
            for (int i = 0; i < size; i++) {
                RepeatBuying customer = buying[i];
                boolean known = fitted != null && customer != null;
                if (purchaseProbability >= 0) {
                    values[purchaseProbability][i] = known ? fitted.probabilityAlive(customer) : Double.NaN;
                }
                if (expectedPurchases >= 0) {
                    values[expectedPurchases][i] = known ? fitted.expectedPurchases(customer) : Double.NaN;
                }
            }
            return fitted;
        }

        PopulationScoring.Input input() {
            trim();
            return new PopulationScoring.Input(metrics, values, previousTiers, previousPending, daysWithoutPaidOrder);
        }

        int size() {
            return size;
        }

        long customerId(int index) {
            return customerIds[index];
        }

        long[] customerIds() {
            trim();
            return customerIds;
        }

        double[][] values() {
            trim();
            return values;
        }

        long[] daysWithoutPaidOrder() {
            trim();
            return daysWithoutPaidOrder;
        }

        int[] previousTiers() {
            trim();
            return previousTiers;
        }

        boolean[] previousPending() {
            trim();
            return previousPending;
        }

        long[] previousRuns() {
            trim();
            return previousRuns;
        }

        MoveAnalysis.Figures figures() {
            trim();
            return new MoveAnalysis.Figures(customerIds, values, buying, previousTiers, previousPending, previousScores,
                    previousRuns, daysWithoutPaidOrder);
        }

        private void grow() {
            resize(customerIds.length * 2 + 1024);
        }

        private void trim() {
            if (customerIds.length != size) {
                resize(size);
            }
        }

        private void resize(int capacity) {
            customerIds = Arrays.copyOf(customerIds, capacity);
            for (int k = 0; k < values.length; k++) {
                values[k] = Arrays.copyOf(values[k], capacity);
            }
            daysWithoutPaidOrder = Arrays.copyOf(daysWithoutPaidOrder, capacity);
            previousTiers = Arrays.copyOf(previousTiers, capacity);
            previousPending = Arrays.copyOf(previousPending, capacity);
            previousScores = Arrays.copyOf(previousScores, capacity);
            previousRuns = Arrays.copyOf(previousRuns, capacity);
            if (buying != null) {
                buying = Arrays.copyOf(buying, capacity);
            }
        }
    }
}
