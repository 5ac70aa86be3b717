package com.tierdesk.tiering;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.CustomerRef;
import com.tierdesk.customer.Customers;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.NotFound;
import com.tierdesk.tiering.AssessmentResult.Change;
import com.tierdesk.tiering.internal.ResultStore.StoredResult;
import com.tierdesk.tiering.internal.ResultStore;
import com.tierdesk.tiering.scoring.DecisionReason;
import com.tierdesk.tiering.scoring.GradingReason;
import com.tierdesk.tiering.scoring.Indicator;
import com.tierdesk.tiering.scoring.Metric;
import com.tierdesk.tiering.scoring.Normalisation;
import com.tierdesk.tiering.scoring.Scorecard;
import com.tierdesk.tiering.scoring.ScoringModel;
import com.tierdesk.tiering.scoring.TierDecision.Reason;
import com.tierdesk.tiering.scoring.TierPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A scored run's results (docs/tiering.md): pages of them by change and tier, and each customer's explanation,
 * rebuilt from the stored values and the run's model version.
 */
@Service
@Transactional(readOnly = true)
public class AssessmentResults {

    private final Assessments assessments;
    private final ResultStore results;
    private final ScoringModels models;
    private final Customers customers;
    private final TierCatalog tiers;

    AssessmentResults(Assessments assessments, ResultStore results, ScoringModels models, Customers customers,
            TierCatalog tiers) {
        this.assessments = assessments;
        this.results = results;
        this.models = models;
        this.customers = customers;
        this.tiers = tiers;
    }

    /** A page of the run's results, the best scores first. */
    public List<AssessmentResult> results(RunId run, ResultFilter filter, String tier, int offset, int limit) {
        return results(run, filter, tier, null, offset, limit);
    }

    /** A page of the run's results whose move has the cause (any result when {@code null}), the best scores first. */
    public List<AssessmentResult> results(RunId run, ResultFilter filter, String tier, MoveCause cause, int offset,
            int limit) {
        AssessmentRun found = scored(run);
        List<StoredResult> page = results.page(found.id().value(), found.summary().tiers(), filter, tier, cause,
                Math.max(0, offset), Math.max(1, Math.min(limit, Assessments.MAX_PAGE)));
        Map<CustomerId, CustomerRef> refs = customers.refs(page.stream().map(r -> CustomerId.of(r.customerId())).toList());
        List<String> ladder = tiers.codes();
        return page.stream().map(r -> new AssessmentResult(run, ref(refs, r.customerId()), r.score(), r.gradedTier(),
                r.tier(), Reason.values()[r.reason()], r.previousTier(), change(ladder, r.previousTier(), r.tier()),
                r.previousScore(), cause(r.cause()))).toList();
    }

    public long countResults(RunId run, ResultFilter filter, String tier) {
        return countResults(run, filter, tier, null);
    }

    public long countResults(RunId run, ResultFilter filter, String tier, MoveCause cause) {
        AssessmentRun found = scored(run);
        return results.count(run.value(), found.summary().tiers(), filter, tier, cause);
    }

    /** Why the customer got their tier in the run, rebuilt from the stored values and the run's model version. */
    public TierExplanation explain(RunId runId, CustomerId customer) {
        AssessmentRun run = scored(runId);
        List<String> ladder = run.summary().tiers();
        StoredResult result = results.of(runId.value(), customer.value(), ladder)
                .orElseThrow(() -> new NotFound("customer", "problem.no-result", runId, customer.value()));
        ScoringModel model = models.get(run.modelId(), run.modelVersion()).definition();
        List<Metric> metrics = model.metrics();
        double[] raw = result.rawValues();
        Map<String, Double> values = new LinkedHashMap<>();
        for (int k = 0; k < metrics.size(); k++) {
            values.put(metrics.get(k).key(), Double.isNaN(raw[k]) ? null : raw[k]);
        }
        Scorecard scorecard = null;
        List<TierExplanation.BandLevel> bands = new ArrayList<>();
        if (model.ruleBased()) {
            model.rules().bands().forEach(band -> bands.add(new TierExplanation.BandLevel(band.name(),
                    band.label(raw[metrics.indexOf(Metric.byKey(band.metric()).orElseThrow())]))));
        } else {
            scorecard = scorecard(model, metrics, raw, result.indicatorScores());
        }
        TierPolicy policy = model.tierPolicy();
        double score = result.score() == null ? Double.NaN : result.score();
        double[] floors = ladder.stream().mapToDouble(code -> run.summary().floors().getOrDefault(code, Double.NaN)).toArray();
        int previous = ladder.indexOf(result.previousTier());
        Reason reason = Reason.values()[result.reason()];
        GradingReason grading = GradingReason.of(model, run.population(), score, ladder.indexOf(result.gradedTier()),
                result.rank(), result.gradingRule(), floors);
        DecisionReason decision = DecisionReason.of(reason, policy, score, previous < 0 ? Double.NaN : floors[previous],
                result.daysWithoutPaidOrder());
        Map<CustomerId, CustomerRef> refs = customers.refs(List.of(customer));
        return new TierExplanation(runId, run.modelName(), run.modelVersion(), run.asOf(), ref(refs, customer.value()),
                result.score(), result.gradedTier(), result.tier(), reason, result.previousTier(), result.previousPending(),
                result.downgradePending(), grading, decision, values, scorecard, bands, policy.downgradeMargin(),
                policy.churnDays(), policy.codes(), previous(run, customer, result, metrics, scorecard));
    }

    /**
     * The published result beside this one: its score, each indicator's points then (rebuilt from the stored result
     * of the run that gave it, with that run's model version) and now, and what moved the customer.
     */
    private TierExplanation.Previous previous(AssessmentRun run, CustomerId customer, StoredResult result,
            List<Metric> metrics, Scorecard now) {
        if (result.previousTier() == null) {
            return null;
        }
        Map<String, Double> before = new LinkedHashMap<>();
        Scorecard then = null;
        RunId previousRun = result.previousRun() < 0 ? null : RunId.of(result.previousRun());
        AssessmentRun earlier = previousRun == null ? null : assessments.find(previousRun).filter(r -> r.summary() != null)
                .orElse(null);
        StoredResult published = earlier == null ? null
                : results.of(earlier.id().value(), customer.value(), earlier.summary().tiers()).orElse(null);
        if (published != null) {
            ScoringModel model = models.get(earlier.modelId(), earlier.modelVersion()).definition();
            List<Metric> earlierMetrics = model.metrics();
            for (int k = 0; k < earlierMetrics.size(); k++) {
                double value = published.rawValues()[k];
                before.put(earlierMetrics.get(k).key(), Double.isNaN(value) ? null : value);
            }
            then = model.ruleBased() ? null : scorecard(model, earlierMetrics, published.rawValues(), published.indicatorScores());
        }
        List<TierExplanation.ContributionChange> contributions = new ArrayList<>();
        if (now != null && then != null) {
            List<Scorecard.Contribution> unmatched = new ArrayList<>(then.contributions());
            for (Scorecard.Contribution c : now.contributions()) {
                Scorecard.Contribution match = unmatched.stream()
                        .filter(p -> p.metric().equals(c.metric()) && p.dimension().equals(c.dimension())).findFirst()
                        .or(() -> unmatched.stream().filter(p -> p.metric().equals(c.metric())).findFirst()).orElse(null);
                unmatched.remove(match);
                contributions.add(new TierExplanation.ContributionChange(c.dimension(), c.metric(),
                        match == null ? null : match.contribution(), c.contribution()));
            }
        }
        List<TierExplanation.FigureChange> ownChanges = new ArrayList<>();
        for (int k : result.ownChanges()) {
            String key = metrics.get(k).key();
            double value = result.rawValues()[k];
            ownChanges.add(new TierExplanation.FigureChange(key, before.get(key), Double.isNaN(value) ? null : value));
        }
        RunSummary.Moves moves = run.summary().moves();
        return new TierExplanation.Previous(published == null ? null : previousRun, result.previousScore(), contributions,
                cause(result.cause()), ownChanges, moves == null ? 0 : moves.addedCustomers(),
                moves == null ? 0 : moves.changedCustomers());
    }

    private static MoveCause cause(int stored) {
        return stored <= 0 ? null : MoveCause.values()[stored - 1];
    }

    /** The run, once it has results: a run still queued or running, or one that failed, has none to show. */
    private AssessmentRun scored(RunId id) {
        AssessmentRun run = assessments.get(id);
        if (run.summary() == null) {
            throw new Conflict("status", run.status() == RunStatus.FAILED ? "problem.run.failed-no-results"
                    : "problem.run.no-results-yet", id, run.status());
        }
        return run;
    }

    /** Normalises the raw values again, but for percentile ranks, which were stored because they need the population. */
    private static Scorecard scorecard(ScoringModel model, List<Metric> metrics, double[] raw, double[] storedRanks) {
        List<Indicator> indicators = model.indicators();
        double[] indicatorRaw = new double[indicators.size()];
        double[] normalised = new double[indicators.size()];
        int rank = 0;
        for (int k = 0; k < indicators.size(); k++) {
            Indicator indicator = indicators.get(k);
            indicatorRaw[k] = raw[metrics.indexOf(Metric.byKey(indicator.metric()).orElseThrow())];
            normalised[k] = indicator.normalisation() instanceof Normalisation.PercentileRank
                    ? storedRanks[rank++] : indicator.score(indicatorRaw[k], null);
        }
        return model.scorecard(indicatorRaw, normalised);
    }

    private static Change change(List<String> ladder, String previous, String tier) {
        if (previous == null) {
            return Change.NEW;
        }
        int from = ladder.indexOf(previous);
        int to = ladder.indexOf(tier);
        return to < from ? Change.UPGRADE : to > from ? Change.DOWNGRADE : Change.UNCHANGED;
    }

    private static CustomerRef ref(Map<CustomerId, CustomerRef> refs, long customerId) {
        CustomerId id = CustomerId.of(customerId);
        return refs.getOrDefault(id, new CustomerRef(id, null, null, null));
    }
}
