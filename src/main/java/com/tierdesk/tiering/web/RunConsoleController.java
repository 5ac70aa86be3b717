package com.tierdesk.tiering.web;

import com.tierdesk.customer.Customers;
import com.tierdesk.customer.PageSpec;
import com.tierdesk.customer.Paged;
import com.tierdesk.shared.ExportFormat;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Refusal;
import com.tierdesk.tiering.AssessmentResults;
import com.tierdesk.tiering.AssessmentRun;
import com.tierdesk.tiering.Assessments;
import com.tierdesk.tiering.MoveCause;
import com.tierdesk.tiering.ResultFilter;
import com.tierdesk.tiering.RunDecisions;
import com.tierdesk.tiering.RunId;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One assessment run: its parameters; while it is queued or running a progress bar that htmx polls; once scored the
 * tier distribution, the diff against the published tiers, the migration matrix and the results page by page; the
 * supervisors' decision and the publication; and each customer's explanation. A decision is confirmed first: approving
 * or rejecting opens a step that says what the decision does and takes an optional note, kept with the run and, for an
 * approval, shown on the customers' timelines (the
 * page with {@code ?confirm=approve}, or the decision's fragment for htmx), and only its form posts.
 */
@Controller
@RequestMapping("/tiering/runs/{id}")
@PreAuthorize("isAuthenticated()")
class RunConsoleController {

    static final int PAGE_SIZE = 20;
    private static final String VIEW = "tiering/run";
    /** The decisions that are confirmed before they are posted, as {@code confirm} names them. */
    private static final List<String> CONFIRMED = List.of("approve", "reject");

    private final Assessments assessments;
    private final RunDecisions decisions;
    private final AssessmentResults results;
    private final Customers customers;
    private final ExplanationViews explanations;
    private final ConsoleCharts charts;
    private final TierLabels tierLabels;
    private final MessageSource messages;
    private final ProblemMessages problemMessages;
    private final RunResultExport export;

    RunConsoleController(Assessments assessments, RunDecisions decisions, AssessmentResults results, Customers customers,
            ExplanationViews explanations, ConsoleCharts charts, TierLabels tierLabels, MessageSource messages,
            ProblemMessages problemMessages, RunResultExport export) {
        this.export = export;
        this.problemMessages = problemMessages;
        this.assessments = assessments;
        this.decisions = decisions;
        this.results = results;
        this.customers = customers;
        this.explanations = explanations;
        this.charts = charts;
        this.tierLabels = tierLabels;
        this.messages = messages;
    }

    /** The run's page; an htmx request (the results' filter and pager) gets the results table only. */
    @GetMapping
    String run(@PathVariable long id, @RequestParam(defaultValue = "ALL") ResultFilter change,
            @RequestParam(defaultValue = "") String tier, @RequestParam(required = false) MoveCause cause,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "") String confirm,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        AssessmentRun run = assessments.get(RunId.of(id));
        state(run, change, tier, cause, page, model, locale);
        confirming(confirm, model);
        return htmx != null ? VIEW + " :: results" : VIEW;
    }

    /** The results as a file: every result the change and tier filters keep, all pages, best score first. */
    @GetMapping(params = "format")
    void export(@PathVariable long id, @RequestParam(defaultValue = "ALL") ResultFilter change,
            @RequestParam(defaultValue = "") String tier, @RequestParam ExportFormat format, Locale locale,
            HttpServletResponse response) throws IOException {
        try {
            export.write(RunId.of(id), change, tier.isBlank() ? null : tier, format, locale, response);
        } catch (Refusal e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, problemMessages.text(e));
        }
    }

    /** What htmx polls while the run is queued or running: the progress, and once scored everything that follows. */
    @GetMapping("/state")
    String state(@PathVariable long id, Model model, Locale locale) {
        state(assessments.get(RunId.of(id)), ResultFilter.ALL, "", null, 0, model, locale);
        return VIEW + " :: state";
    }

    /**
     * The decision's part of the page: what htmx polls while an approved run is being published, and the
     * confirmation step of an approval or a rejection ({@code confirm}) or its cancellation.
     */
    @GetMapping("/decision")
    String decision(@PathVariable long id, @RequestParam(defaultValue = "") String confirm, Model model) {
        model.addAttribute("run", assessments.get(RunId.of(id)));
        confirming(confirm, model);
        return VIEW + " :: decision";
    }

    @PostMapping("/approve")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processApproval(@PathVariable long id, @RequestParam(defaultValue = "") String note, Authentication caller,
            RedirectAttributes redirect) {
        return decide(id, redirect, "approve", "approved", note,
                run -> decisions.approve(run, caller.getName(), note));
    }

    @PostMapping("/reject")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processRejection(@PathVariable long id, @RequestParam(defaultValue = "") String note, Authentication caller,
            RedirectAttributes redirect) {
        return decide(id, redirect, "reject", "rejected", note, run -> decisions.reject(run, caller.getName(), note));
    }

    @PostMapping("/publish")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processPublication(@PathVariable long id, RedirectAttributes redirect) {
        try {
            decisions.publish(RunId.of(id));
            redirect.addFlashAttribute("decided", "published");
        } catch (Refusal e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/tiering/runs/" + id;
    }

    @GetMapping("/customers/{code}")
    String explanation(@PathVariable long id, @PathVariable String code, Model model, Locale locale) {
        RunId run = RunId.of(id);
        model.addAttribute("run", assessments.get(run));
        model.addAttribute("view", explanations.of(results.explain(run, customers.get(code).id()), locale));
        return "tiering/explanation";
    }

    /**
     * Posts a confirmed decision; a refused one opens its confirmation again with the note as it was typed, so that
     * the supervisor corrects it rather than types it anew.
     */
    private String decide(long id, RedirectAttributes redirect, String decision, String outcome, String note,
            Consumer<RunId> decide) {
        try {
            decide.accept(RunId.of(id));
            redirect.addFlashAttribute("decided", outcome);
            return "redirect:/tiering/runs/" + id;
        } catch (Refusal e) {
            redirect.addFlashAttribute("problems", problemMessages.show(e.problems()));
            redirect.addFlashAttribute("note", note);
            return "redirect:/tiering/runs/" + id + "?confirm=" + decision + "#run-decision";
        }
    }

    /** The decision being confirmed, when {@code confirm} names one; anything else shows the decision's buttons. */
    private static void confirming(String confirm, Model model) {
        if (CONFIRMED.contains(confirm)) {
            model.addAttribute("confirm", confirm);
        }
    }

    private void state(AssessmentRun run, ResultFilter change, String tier, MoveCause cause, int page, Model model,
            Locale locale) {
        model.addAttribute("run", run);
        if (run.summary() == null) {
            return;
        }
        String tierFilter = tier.isBlank() ? null : tier;
        PageSpec spec = new PageSpec(Math.max(0, page), PAGE_SIZE);
        long total = results.countResults(run.id(), change, tierFilter, cause);
        model.addAttribute("results", Paged.of(
                results.results(run.id(), change, tierFilter, cause, (int) spec.offset(), PAGE_SIZE), spec, total));
        model.addAttribute("change", change);
        model.addAttribute("tier", tier);
        model.addAttribute("cause", cause);
        model.addAttribute("filters", ResultFilter.values());
        model.addAttribute("causes", MoveCause.values());
        var resultsUrl = UriComponentsBuilder.fromPath("/tiering/runs/{id}").queryParam("change", change)
                .queryParam("tier", tier);
        if (cause != null) {
            resultsUrl.queryParam("cause", cause);
        }
        model.addAttribute("resultsUrl", resultsUrl.buildAndExpand(run.id().value()).toUriString());
        List<String> codes = run.summary().tiers();
        model.addAttribute("distributionChart", charts.bars(messages.getMessage("tiering.distribution.customers", null, locale),
                tierLabels.names(codes, locale), codes.stream().map(code -> run.summary().distribution().getOrDefault(code, 0L)).toList()));
    }
}
