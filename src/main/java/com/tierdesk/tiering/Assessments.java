package com.tierdesk.tiering;

import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.CustomerRef;
import com.tierdesk.customer.Customers;
import com.tierdesk.tiering.AssessmentResult.Change;
import com.tierdesk.tiering.internal.AssessmentEngine;
import com.tierdesk.tiering.internal.ResultStore;
import com.tierdesk.tiering.internal.ResultStore.StoredResult;
import com.tierdesk.tiering.internal.RunApprovals;
import com.tierdesk.tiering.internal.RunPublisher;
import com.tierdesk.tiering.internal.RunStore;
import com.tierdesk.tiering.internal.RunStore.RunRow;
import com.tierdesk.tiering.scoring.GradingRules;
import com.tierdesk.tiering.scoring.Indicator;
import com.tierdesk.tiering.scoring.Metric;
import com.tierdesk.tiering.scoring.Normalisation;
import com.tierdesk.tiering.scoring.Numbers;
import com.tierdesk.tiering.scoring.Scorecard;
import com.tierdesk.tiering.scoring.ScoringModel;
import com.tierdesk.tiering.scoring.TierDecision.Reason;
import com.tierdesk.tiering.scoring.TierPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assessment runs (SPEC §2): start one for everybody or a segment, as of a date, with a model version; follow
 * its progress; read its diff against the published tiers and each customer's explanation; have a supervisor
 * other than its starter approve or reject it; publish it. Runs execute in the background on whichever
 * instance picks them up, or in the caller's thread for the command line.
 */
@Service
@Transactional(readOnly = true)
public class Assessments {

    static final int MAX_PAGE = 500;

    private final RunStore runs;
    private final ResultStore results;
    private final ScoringModels models;
    private final AssessmentEngine engine;
    private final RunApprovals approvals;
    private final RunPublisher publisher;
    private final CustomerActivity activity;
    private final Customers customers;
    private final TierCatalog tiers;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Long> executeTask;
    private final OneTimeTask<Long> publishTask;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate writing;

    Assessments(RunStore runs, ResultStore results, ScoringModels models, AssessmentEngine engine, RunApprovals approvals,
            RunPublisher publisher, CustomerActivity activity, Customers customers, TierCatalog tiers,
            SchedulerClient scheduler, @Qualifier("assessmentRunTask") OneTimeTask<Long> executeTask,
            @Qualifier("publishRunTask") OneTimeTask<Long> publishTask, JsonMapper json, Clock clock,
            PlatformTransactionManager transactions) {
        this.runs = runs;
        this.results = results;
        this.models = models;
        this.engine = engine;
        this.approvals = approvals;
        this.publisher = publisher;
        this.activity = activity;
        this.customers = customers;
        this.tiers = tiers;
        this.scheduler = scheduler;
        this.executeTask = executeTask;
        this.publishTask = publishTask;
        this.json = json;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
    }

    /** Queues a run; a background task executes it. */
    @Transactional
    public AssessmentRun start(AssessmentRequest request, TriggerKind trigger, String reason, String startedBy) {
        long id = queue(request, trigger, reason, startedBy);
        scheduler.schedule(executeTask.instance(Long.toString(id), id), clock.instant());
        return get(RunId.of(id));
    }

    /** Queues the run and executes it in this thread (the command line), returning it finished. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public AssessmentRun run(AssessmentRequest request, TriggerKind trigger, String reason, String startedBy) {
        return run(request, trigger, reason, startedBy, RunProgress.NONE);
    }

    /** As {@link #run(AssessmentRequest, TriggerKind, String, String)}, telling the listener how far it has come. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public AssessmentRun run(AssessmentRequest request, TriggerKind trigger, String reason, String startedBy,
            RunProgress progress) {
        long id = writing.execute(status -> queue(request, trigger, reason, startedBy));
        engine.execute(id, progress);
        return get(RunId.of(id));
    }

    private long queue(AssessmentRequest request, TriggerKind trigger, String reason, String startedBy) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.asOf() == null) {
            problems.add(new FieldProblem("asOf", "is required"));
        } else if (request.asOf().isAfter(activity.today())) {
            problems.add(new FieldProblem("asOf", "must not be in the future (today is " + activity.today() + ")"));
        }
        List<String> ladder = tiers.codes();
        for (int i = 0; i < request.segment().tiers().size(); i++) {
            String tier = request.segment().tiers().get(i);
            if (!ladder.contains(tier)) {
                problems.add(new FieldProblem("segment.tiers[" + i + "]", "unknown tier '" + tier + "' (tiers: " + ladder + ")"));
            }
        }
        ModelVersion model = null;
        try {
            model = request.modelId() == null ? models.active()
                    : request.modelVersion() == null ? models.get(request.modelId())
                    : models.get(request.modelId(), request.modelVersion());
        } catch (NotFound | Conflict e) {
            problems.add(new FieldProblem(request.modelVersion() == null ? "modelId" : "modelVersion", e.getMessage()));
        }
        if (model != null && !model.definition().tierPolicy().codes().equals(ladder)) {
            problems.add(new FieldProblem("modelVersion", "the model grades into " + model.definition().tierPolicy().codes()
                    + " but the tiers are " + ladder + "; edit the model first"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (request.segment().codes().size() > Segment.MAX_CODES) {
            throw InvalidInput.of("segment.codes", "at most " + Segment.MAX_CODES + " customer codes, not "
                    + request.segment().codes().size() + "; select by tier, industry, region, owner or tag instead");
        }
        if (!request.segment().codes().isEmpty()) {
            long[] found = customers.ids(request.segment().selection());
            if (found.length == 0) {
                throw InvalidInput.of("segment.codes", "no customer has any of the codes " + request.segment().codes());
            }
        }
        String segment = request.segment().everybodyIncluded() ? null : json.writeValueAsString(request.segment());
        return runs.insert(model.modelId(), model.version(), request.asOf(), segment, trigger, reason, startedBy, clock.instant());
    }

    public AssessmentRun get(RunId id) {
        return runs.find(id.value()).map(this::toRun).orElseThrow(() -> unknown(id));
    }

    /** Runs with any of the statuses (every run when none is given), newest first. */
    public List<AssessmentRun> list(List<RunStatus> statuses, int limit) {
        return runs.list(statuses, Math.max(1, Math.min(limit, MAX_PAGE))).stream().map(this::toRun).toList();
    }

    public java.util.Optional<AssessmentRun> lastPublished() {
        return runs.lastPublished().map(this::toRun);
    }

    /** Approves a run waiting for approval and queues its publication. */
    @Transactional
    public AssessmentRun approve(RunId id, String approver, String note) {
        approvals.approve(id.value(), approver, note);
        scheduler.schedule(publishTask.instance(Long.toString(id.value()), id.value()), clock.instant());
        return get(id);
    }

    @Transactional
    public AssessmentRun reject(RunId id, String supervisor, String note) {
        approvals.reject(id.value(), supervisor, note);
        return get(id);
    }

    /** Publishes an approved run now; publishing a published run again changes nothing. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public AssessmentRun publish(RunId id) {
        runs.find(id.value()).orElseThrow(() -> unknown(id));
        publisher.publish(id.value());
        return get(id);
    }

    /** A page of the run's results, the best scores first. */
    public List<AssessmentResult> results(RunId run, ResultFilter filter, String tier, int offset, int limit) {
        AssessmentRun found = scored(run);
        List<StoredResult> page = results.page(found.id().value(), found.summary().tiers(), filter, tier, Math.max(0, offset),
                Math.max(1, Math.min(limit, MAX_PAGE)));
        Map<CustomerId, CustomerRef> refs = customers.refs(page.stream().map(r -> CustomerId.of(r.customerId())).toList());
        List<String> ladder = tiers.codes();
        return page.stream().map(r -> new AssessmentResult(run, ref(refs, r.customerId()), r.score(), r.gradedTier(),
                r.tier(), Reason.values()[r.reason()], r.previousTier(), change(ladder, r.previousTier(), r.tier()))).toList();
    }

    public long countResults(RunId run, ResultFilter filter, String tier) {
        AssessmentRun found = scored(run);
        return results.count(run.value(), found.summary().tiers(), filter, tier);
    }

    /** The run, once it has results: a run still queued or running, or one that failed, has none to show. */
    private AssessmentRun scored(RunId id) {
        AssessmentRun run = get(id);
        if (run.summary() == null) {
            throw new Conflict("status", "run " + id + " is " + run.status() + " and has no results"
                    + (run.status() == RunStatus.FAILED ? "" : " yet"));
        }
        return run;
    }

    /** Why the customer got their tier in the run, rebuilt from the stored values and the run's model version. */
    public TierExplanation explain(RunId runId, CustomerId customer) {
        AssessmentRun run = scored(runId);
        StoredResult result = results.of(runId.value(), customer.value(), run.summary().tiers())
                .orElseThrow(() -> new NotFound("result of run " + runId, "customer", customer.value()));
        ScoringModel model = models.get(run.modelId(), run.modelVersion()).definition();
        List<Metric> metrics = model.metrics();
        double[] raw = result.rawValues();
        Map<String, Double> values = new LinkedHashMap<>();
        for (int k = 0; k < metrics.size(); k++) {
            values.put(metrics.get(k).key(), Double.isNaN(raw[k]) ? null : raw[k]);
        }
        Scorecard scorecard = null;
        Map<String, String> bands = new LinkedHashMap<>();
        String rule = null;
        TierPolicy policy = model.tierPolicy();
        if (model.ruleBased()) {
            GradingRules rules = model.rules();
            rules.bands().forEach(band -> bands.put(band.name(), band.label(raw[metrics.indexOf(Metric.byKey(band.metric()).orElseThrow())])));
            rule = result.gradingRule() < 0 ? null : rules.rules().get(result.gradingRule()).label();
        } else {
            scorecard = scorecard(model, metrics, raw, result.indicatorScores());
        }
        Double floor = run.summary() == null ? null : run.summary().floors().get(result.gradedTier());
        Reason reason = Reason.values()[result.reason()];
        Map<CustomerId, CustomerRef> refs = customers.refs(List.of(customer));
        return new TierExplanation(runId, run.modelName(), run.modelVersion(), run.asOf(), ref(refs, customer.value()),
                result.score(), result.gradedTier(), result.tier(), reason, result.previousTier(), result.previousPending(),
                result.downgradePending(), grading(policy, run), values, scorecard, bands, rule, floor,
                policy.downgradeMargin(), policy.churnDays(), policy.codes(),
                summary(policy, run, result, reason, rule, floor));
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

    private static String grading(TierPolicy policy, AssessmentRun run) {
        if (policy.grading() == TierPolicy.Grading.QUOTAS && run.population() != null && !policy.byQuotas(run.population())) {
            return "THRESHOLDS";
        }
        return policy.grading().name();
    }

    private static String summary(TierPolicy policy, AssessmentRun run, StoredResult result, Reason reason, String rule,
            Double floor) {
        String score = result.score() == null ? null : Numbers.plain(result.score());
        String graded = switch (grading(policy, run)) {
            case "RULES" -> rule == null ? "no rule holds, so " + result.gradedTier() : "rule '" + rule + "' gives " + result.gradedTier();
            case "QUOTAS" -> "score " + score + " ranks in the " + result.gradedTier() + " quota"
                    + (floor == null ? "" : " (its lowest score " + Numbers.plain(floor) + ")");
            default -> "score " + score + " reaches " + result.gradedTier()
                    + (floor == null ? "" : " (threshold " + Numbers.plain(floor) + ")");
        };
        return switch (reason) {
            case GRADED -> graded;
            case HELD -> graded + ", but stays " + result.tier() + ": the first run below it, within the hysteresis";
            case DOWNGRADED_BEYOND_MARGIN -> graded + ", more than " + Numbers.plain(policy.downgradeMargin())
                    + " points below " + result.previousTier() + "'s floor";
            case DOWNGRADED_TWICE -> graded + ", below " + result.previousTier() + " in a second run in a row";
            case CHURN -> "no paid order for more than " + policy.churnDays() + " days, so " + result.tier()
                    + " whatever the score";
        };
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

    private AssessmentRun toRun(RunRow row) {
        return new AssessmentRun(RunId.of(row.id()), row.modelId(), row.modelName(), row.modelVersion(), row.asOf(),
                row.segment() == null ? Segment.everybody() : json.readValue(row.segment(), Segment.class), row.status(),
                row.trigger(), row.triggerReason(), row.startedBy(), row.createdAt(), row.startedAt(), row.finishedAt(),
                row.stage(), row.progressDone(), row.progressTotal(), row.population(), row.assessed(),
                row.summary() == null ? null : json.readValue(row.summary(), RunSummary.class),
                row.purchaseModel() == null ? null : json.readValue(row.purchaseModel(), AssessmentRun.PurchaseModel.class),
                row.decidedBy(), row.decidedAt(), row.decisionNote(), row.publishedAt(), row.error());
    }

    private static NotFound unknown(RunId id) {
        return new NotFound("assessment run", "id", id);
    }
}
