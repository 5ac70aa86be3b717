package com.tierdesk.tiering.web;

import com.tierdesk.customer.Customers;
import com.tierdesk.shared.ExportFormat;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.tiering.AssessmentRequest;
import com.tierdesk.tiering.AssessmentResult;
import com.tierdesk.tiering.AssessmentResults;
import com.tierdesk.tiering.AssessmentRun;
import com.tierdesk.tiering.Assessments;
import com.tierdesk.tiering.MoveCause;
import com.tierdesk.tiering.ResultFilter;
import com.tierdesk.tiering.RunDecisions;
import com.tierdesk.tiering.RunId;
import com.tierdesk.tiering.RunStatus;
import com.tierdesk.tiering.TriggerKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tiering/runs")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Assessment runs", description = "Assess customers as of a date, review the diff, approve and publish")
class RunApiController {

    private final Assessments assessments;
    private final RunDecisions decisions;
    private final AssessmentResults results;
    private final Customers customers;
    private final ExplanationViews explanations;

    private final RunResultExport export;

    RunApiController(Assessments assessments, RunDecisions decisions, AssessmentResults results, Customers customers,
            ExplanationViews explanations, RunResultExport export) {
        this.export = export;
        this.assessments = assessments;
        this.decisions = decisions;
        this.results = results;
        this.customers = customers;
        this.explanations = explanations;
    }

    record Decision(String note) {
    }

    record ResultPage(long total, int offset, int limit, List<AssessmentResult> results) {
    }

    @PostMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Start a run", description = "As of a date (today at the latest), with a model version "
            + "(default: the active model's latest), for everybody or a segment (tiers, codes, industries, regions, "
            + "owners, tags). Answers 202 at once; the run executes in the background: follow it with GET.")
    ResponseEntity<AssessmentRun> start(@RequestBody AssessmentRequest request, Authentication caller) {
        AssessmentRun run = assessments.start(request, TriggerKind.MANUAL, null, caller.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/tiering/runs/" + run.id())).body(run);
    }

    @GetMapping
    @Operation(summary = "Runs, newest first, optionally with the given statuses")
    List<AssessmentRun> list(@RequestParam(required = false) List<RunStatus> status,
            @RequestParam(defaultValue = "50") int limit) {
        return assessments.list(status == null ? List.of() : status, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A run: parameters, progress, and once scored its summary (distribution, moves, migration matrix)")
    AssessmentRun get(@PathVariable long id) {
        return assessments.get(RunId.of(id));
    }

    @GetMapping("/{id}/results")
    @Operation(summary = "A page of the run's results, best score first, optionally only one change, one tier or "
            + "one cause of a move", description = "offset from 0, limit 1 to 500; the answer says which page it holds. "
            + "cause: POPULATION (graded against the last published run's population the customer keeps the published "
            + "tier) or OWN_FIGURES.")
    ResultPage results(@PathVariable long id, @RequestParam(defaultValue = "ALL") ResultFilter change,
            @RequestParam(required = false) String tier, @RequestParam(required = false) MoveCause cause,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        RunId run = RunId.of(id);
        List<AssessmentResult> page = results.results(run, change, tier, cause, offset, limit);
        return new ResultPage(results.countResults(run, change, tier, cause), Math.max(0, offset),
                Math.max(1, Math.min(limit, Assessments.MAX_PAGE)), page);
    }

    @GetMapping(path = "/{id}/results", params = "format")
    @Operation(summary = "Export the run's results", description = "format=csv or format=xlsx: every result the "
            + "change and tier filters keep, all pages (offset and limit are ignored), best score first, as a download "
            + "named run-<id>-results-<date>.csv or .xlsx; headers in the caller's language (Accept-Language). "
            + "409 while the run has no results.")
    void export(@PathVariable long id, @RequestParam(defaultValue = "ALL") ResultFilter change,
            @RequestParam(required = false) String tier, @RequestParam ExportFormat format,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        export.write(RunId.of(id), change, tier, format, ProblemMessages.apiLocale(request), response);
    }

    @GetMapping("/{id}/results/{customerCode}")
    @Operation(summary = "Why the customer got their tier in the run: every indicator's raw value, normalised score, "
            + "weight and contribution; how the grading went (grading: THRESHOLD, QUOTA, RULE or OTHERWISE) and the rule "
            + "that decided (decision: GRADED, HELD, DOWNGRADED_BEYOND_MARGIN, DOWNGRADED_TWICE or CHURN), each with its "
            + "figures; and the decision in words in the console's language (Chinese, or English with lang=en)")
    ExplainedTier explain(@PathVariable long id, @PathVariable String customerCode, Locale locale) {
        return explanations.explained(results.explain(RunId.of(id), customers.get(customerCode).id()), locale);
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Approve a run waiting for approval; it is then published in the background",
            description = "The body's note is optional (the body too); when given it is kept with the run and shown on "
                    + "the timeline of every customer whose tier the run changes, at most 1,000 characters. 409 when the "
                    + "caller started the run, or the run is older than the published one, or customers' published "
                    + "tiers changed since it was computed.")
    AssessmentRun approve(@PathVariable long id, @RequestBody(required = false) Decision decision, Authentication caller) {
        return decisions.approve(RunId.of(id), caller.getName(), decision == null ? null : decision.note());
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Reject a run waiting for approval; no tier changes",
            description = "The body's note is optional (the body too); when given it is kept with the run as its "
                    + "decision note, at most 1,000 characters.")
    AssessmentRun reject(@PathVariable long id, @RequestBody(required = false) Decision decision, Authentication caller) {
        return decisions.reject(RunId.of(id), caller.getName(), decision == null ? null : decision.note());
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Publish an approved run now (all or nothing); publishing again changes nothing")
    AssessmentRun publish(@PathVariable long id) {
        return decisions.publish(RunId.of(id));
    }
}
