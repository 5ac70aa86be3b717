package com.tierdesk.tiering.web;

import com.tierdesk.customer.Customers;
import com.tierdesk.customer.PageSpec;
import com.tierdesk.customer.Paged;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Refusal;
import com.tierdesk.tiering.AssessmentResults;
import com.tierdesk.tiering.AssessmentRun;
import com.tierdesk.tiering.Assessments;
import com.tierdesk.tiering.ResultFilter;
import com.tierdesk.tiering.RunDecisions;
import com.tierdesk.tiering.RunId;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One assessment run: its parameters; while it is queued or running a progress bar that htmx polls; once scored the
 * tier distribution, the diff against the published tiers, the migration matrix and the results page by page; the
 * supervisors' decision and the publication; and each customer's explanation.
 */
@Controller
@RequestMapping("/tiering/runs/{id}")
@PreAuthorize("isAuthenticated()")
class RunConsoleController {

    static final int PAGE_SIZE = 20;
    private static final String VIEW = "tiering/run";

    private final Assessments assessments;
    private final RunDecisions decisions;
    private final AssessmentResults results;
    private final Customers customers;
    private final ExplanationViews explanations;
    private final ConsoleCharts charts;
    private final TierLabels tierLabels;
    private final MessageSource messages;
    private final ProblemMessages problemMessages;

    RunConsoleController(Assessments assessments, RunDecisions decisions, AssessmentResults results, Customers customers,
            ExplanationViews explanations, ConsoleCharts charts, TierLabels tierLabels, MessageSource messages,
            ProblemMessages problemMessages) {
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
            @RequestParam(defaultValue = "") String tier, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        AssessmentRun run = assessments.get(RunId.of(id));
        state(run, change, tier, page, model, locale);
        return htmx != null ? VIEW + " :: results" : VIEW;
    }

    /** What htmx polls while the run is queued or running: the progress, and once scored everything that follows. */
    @GetMapping("/state")
    String state(@PathVariable long id, Model model, Locale locale) {
        state(assessments.get(RunId.of(id)), ResultFilter.ALL, "", 0, model, locale);
        return VIEW + " :: state";
    }

    /** What htmx polls while an approved run is being published. */
    @GetMapping("/decision")
    String decision(@PathVariable long id, Model model) {
        model.addAttribute("run", assessments.get(RunId.of(id)));
        return VIEW + " :: decision";
    }

    @PostMapping("/approve")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processApproval(@PathVariable long id, @RequestParam(defaultValue = "") String note, Authentication caller,
            RedirectAttributes redirect) {
        return decide(id, redirect, "approved",
                run -> decisions.approve(run, caller.getName(), note.isBlank() ? null : note.strip()));
    }

    @PostMapping("/reject")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processRejection(@PathVariable long id, @RequestParam(defaultValue = "") String note, Authentication caller,
            RedirectAttributes redirect) {
        return decide(id, redirect, "rejected", run -> decisions.reject(run, caller.getName(), note.strip()));
    }

    @PostMapping("/publish")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processPublication(@PathVariable long id, RedirectAttributes redirect) {
        return decide(id, redirect, "published", decisions::publish);
    }

    @GetMapping("/customers/{code}")
    String explanation(@PathVariable long id, @PathVariable String code, Model model, Locale locale) {
        RunId run = RunId.of(id);
        model.addAttribute("run", assessments.get(run));
        model.addAttribute("view", explanations.of(results.explain(run, customers.get(code).id()), locale));
        return "tiering/explanation";
    }

    private String decide(long id, RedirectAttributes redirect, String outcome, Consumer<RunId> decision) {
        try {
            decision.accept(RunId.of(id));
            redirect.addFlashAttribute("decided", outcome);
        } catch (Refusal e) {
            redirect.addFlashAttribute("problems", problemMessages.show(e.problems()));
        }
        return "redirect:/tiering/runs/" + id;
    }

    private void state(AssessmentRun run, ResultFilter change, String tier, int page, Model model, Locale locale) {
        model.addAttribute("run", run);
        if (run.summary() == null) {
            return;
        }
        String tierFilter = tier.isBlank() ? null : tier;
        PageSpec spec = new PageSpec(Math.max(0, page), PAGE_SIZE);
        long total = results.countResults(run.id(), change, tierFilter);
        model.addAttribute("results", Paged.of(
                results.results(run.id(), change, tierFilter, (int) spec.offset(), PAGE_SIZE), spec, total));
        model.addAttribute("change", change);
        model.addAttribute("tier", tier);
        model.addAttribute("filters", ResultFilter.values());
        model.addAttribute("resultsUrl", UriComponentsBuilder.fromPath("/tiering/runs/{id}").queryParam("change", change)
                .queryParam("tier", tier).buildAndExpand(run.id().value()).toUriString());
        List<String> codes = run.summary().tiers();
        model.addAttribute("distributionChart", charts.bars(messages.getMessage("tiering.distribution.customers", null, locale),
                tierLabels.names(codes, locale), codes.stream().map(code -> run.summary().distribution().getOrDefault(code, 0L)).toList()));
    }
}
