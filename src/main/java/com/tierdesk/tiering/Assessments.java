package com.tierdesk.tiering;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.tierdesk.customer.Customers;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.tiering.internal.AssessmentEngine;
import com.tierdesk.tiering.internal.RunStore;
import com.tierdesk.tiering.internal.RunStore.RunRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
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

    static final int MAX_PAGE = 500;

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

    public AssessmentRun get(RunId id) {
        return runs.find(id.value()).map(this::toRun).orElseThrow(() -> new NotFound("assessment run", "id", id));
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
            problems.add(new FieldProblem("asOf", "is required"));
        } else if (request.asOf().isAfter(time.today())) {
            problems.add(new FieldProblem("asOf", "must not be in the future (today is " + time.today() + ")"));
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
        return runs.insert(model.modelId(), model.version(), request.asOf(), segment, trigger, reason, startedBy, time.now());
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
