package com.tierdesk.tiering;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.tierdesk.customer.Customers;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.Reason;
import com.tierdesk.shared.TextRules;
import com.tierdesk.tiering.internal.AssessmentEngine;
import com.tierdesk.tiering.internal.RunStore.RunRow;
import com.tierdesk.tiering.internal.RunStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assessment runs (docs/tiering.md): start one for everybody or a segment, as of a date, with a model version, and
 * find runs and follow their progress. Runs execute in the background on whichever instance picks them up, or in
 * the caller's thread for the command line. Deciding on runs is {@link RunDecisions}' work, reading their results
 * {@link AssessmentResults}'.
 */
@Service
@Transactional(readOnly = true)
public class Assessments {

    /** The most runs, or results, a page holds. */
    public static final int MAX_PAGE = 500;
    /** The earliest date a run may be as of; the latest is today. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** What the run's columns hold: its reason, and its segment as JSON. */
    static final int MAX_REASON = 1000;
    static final int MAX_SEGMENT = 200_000;
    private static final int MAX_SEGMENT_VALUE = 200;

    private final RunStore runs;
    private final ScoringModels models;
    private final AssessmentEngine engine;
    private final Customers customers;
    private final TierCatalog tiers;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Long> executeTask;
    private final JsonMapper json;
    private final BusinessTime time;
    private final TransactionTemplate writing;

    Assessments(RunStore runs, ScoringModels models, AssessmentEngine engine, Customers customers, TierCatalog tiers,
            SchedulerClient scheduler, @Qualifier("assessmentRunTask") OneTimeTask<Long> executeTask, JsonMapper json,
            BusinessTime time, PlatformTransactionManager transactions) {
        this.runs = runs;
        this.models = models;
        this.engine = engine;
        this.customers = customers;
        this.tiers = tiers;
        this.scheduler = scheduler;
        this.executeTask = executeTask;
        this.json = json;
        this.time = time;
        this.writing = new TransactionTemplate(transactions);
    }

    /** Queues a run; a background task executes it. */
    @Transactional
    public AssessmentRun start(AssessmentRequest request, TriggerKind trigger, String reason, String startedBy) {
        long id = queue(request, trigger, reason, startedBy);
        scheduler.schedule(executeTask.instance(Long.toString(id), id), time.now());
        startSoonAfterCommit();
        return get(RunId.of(id));
    }

    /**
     * Wakes this instance's scheduler once the run is committed, so that it starts now rather than at the next poll
     * (every two seconds by default); other instances find it at their next poll.
     */
    private void startSoonAfterCommit() {
        if (scheduler instanceof Scheduler local && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    local.triggerCheckForDueExecutions();
                }
            });
        }
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

    public AssessmentRun get(RunId id) {
        return find(id).orElseThrow(() -> new NotFound("id", "problem.no-run", id));
    }

    public Optional<AssessmentRun> find(RunId id) {
        return runs.find(id.value()).map(this::toRun);
    }

    /** Runs with any of the statuses (every run when none is given), newest first. */
    public List<AssessmentRun> list(List<RunStatus> statuses, int limit) {
        return runs.list(statuses, Math.max(1, Math.min(limit, MAX_PAGE))).stream().map(this::toRun).toList();
    }

    public Optional<AssessmentRun> lastPublished() {
        return runs.lastPublished().map(this::toRun);
    }

    private long queue(AssessmentRequest request, TriggerKind trigger, String reason, String startedBy) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.asOf() == null) {
            problems.add(FieldProblem.of("asOf", "problem.required"));
        } else if (request.asOf().isAfter(time.today())) {
            problems.add(FieldProblem.of("asOf", "problem.as-of-future", time.today()));
        } else if (request.asOf().isBefore(EARLIEST)) {
            problems.add(FieldProblem.of("asOf", "problem.as-of-earliest", EARLIEST));
        }
        TextRules.line(reason, MAX_REASON).ifPresent(problem -> problems.add(new FieldProblem("reason", problem)));
        problems.addAll(segmentProblems(request.segment()));
        ModelVersion model = null;
        try {
            model = request.modelId() == null ? models.active()
                    : request.modelVersion() == null ? models.get(request.modelId())
                    : models.get(request.modelId(), request.modelVersion());
        } catch (NotFound | Conflict e) {
            e.problems().forEach(p -> problems.add(p.at(request.modelVersion() == null ? "modelId" : "modelVersion")));
        }
        List<String> ladder = tiers.codes();
        if (model != null && !model.definition().tierPolicy().codes().equals(ladder)) {
            problems.add(FieldProblem.of("modelVersion", "problem.run.model-ladder", model.definition().tierPolicy().codes(), ladder));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (!request.segment().codes().isEmpty() && customers.ids(request.segment().selection()).length == 0) {
            throw InvalidInput.of("segment.codes", "problem.segment.no-codes", ApiProblems.echo(request.segment().codes()));
        }
        String segment = request.segment().everybodyIncluded() ? null : json.writeValueAsString(request.segment());
        if (segment != null && segment.length() > MAX_SEGMENT) {
            throw InvalidInput.of("segment", "problem.segment.too-long", segment.length(), MAX_SEGMENT);
        }
        return runs.insert(model.modelId(), model.version(), request.asOf(), segment, trigger,
                reason == null || reason.isBlank() ? null : reason.strip(), startedBy, time.now());
    }

    /**
     * The segment's tiers must be on the ladder, and each criterion holds at most {@link Segment#MAX_CODES} values
     * that are one-line texts; a criterion is refused at its first bad value.
     */
    private List<FieldProblem> segmentProblems(Segment segment) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> ladder = tiers.codes();
        for (int i = 0; i < segment.tiers().size(); i++) {
            String tier = segment.tiers().get(i);
            if (!ladder.contains(tier)) {
                problems.add(FieldProblem.of("segment.tiers[" + i + "]", "problem.unknown-tier", ApiProblems.echo(tier), ladder));
                break;
            }
        }
        Map<String, List<String>> criteria = new LinkedHashMap<>();
        criteria.put("codes", segment.codes());
        criteria.put("industries", segment.industries());
        criteria.put("regions", segment.regions());
        criteria.put("owners", segment.owners());
        criteria.put("tags", segment.tags());
        criteria.forEach((name, values) -> {
            if (values.size() > Segment.MAX_CODES) {
                problems.add(FieldProblem.of("segment." + name, "problem.segment.too-many", Segment.MAX_CODES, values.size()));
                return;
            }
            for (int i = 0; i < values.size(); i++) {
                Optional<Reason> refused = TextRules.line(values.get(i), MAX_SEGMENT_VALUE);
                if (refused.isPresent()) {
                    problems.add(new FieldProblem("segment." + name + "[" + i + "]", refused.get()));
                    return;
                }
            }
        });
        return problems;
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
}
