package com.tierdesk.tiering.web;

import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.Label;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.tiering.AssessmentRun;
import com.tierdesk.tiering.Assessments;
import com.tierdesk.tiering.CustomerTiers;
import com.tierdesk.tiering.ModelVersion;
import com.tierdesk.tiering.RunStatus;
import com.tierdesk.tiering.ScoringModels;
import com.tierdesk.tiering.TieringTriggers;
import com.tierdesk.tiering.TriggerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tiering workbench: the current tier distribution, the runs waiting for approval or being published, recent
 * runs and triggers, and the form that starts a run (supervisors).
 */
@Controller
@RequestMapping("/tiering")
@PreAuthorize("isAuthenticated()")
class WorkbenchConsoleController {

    static final int QUEUE = 50;
    static final int RECENT = 20;
    static final int TRIGGERS = 10;

    private final Assessments assessments;
    private final CustomerTiers customerTiers;
    private final ScoringModels models;
    private final TieringTriggers triggers;
    private final CustomerActivity activity;
    private final ConsoleCharts charts;
    private final TierLabels tierLabels;
    private final MessageSource messages;
    private final ProblemMessages problemMessages;

    WorkbenchConsoleController(Assessments assessments, CustomerTiers customerTiers, ScoringModels models,
            TieringTriggers triggers, CustomerActivity activity, ConsoleCharts charts, TierLabels tierLabels,
            MessageSource messages,
            ProblemMessages problemMessages) {
        this.problemMessages = problemMessages;
        this.assessments = assessments;
        this.customerTiers = customerTiers;
        this.models = models;
        this.triggers = triggers;
        this.activity = activity;
        this.charts = charts;
        this.tierLabels = tierLabels;
        this.messages = messages;
    }

    /** One model in the version select: its latest version first, then the older ones. */
    record ModelChoice(Label name, boolean active, List<ModelOption> options) {
    }

    record ModelOption(String value, String label) {
    }

    @GetMapping
    String workbench(@RequestParam(required = false) String model, Model page, Locale locale) {
        return page(RunForm.of(activity.today(), model != null ? model : RunForm.value(models.active())), page, locale);
    }

    @PostMapping("/runs")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processRunForm(@ModelAttribute("form") RunForm form, Authentication caller, Model page, Locale locale,
            RedirectAttributes redirect) {
        try {
            AssessmentRun run = assessments.start(form.request(), TriggerKind.MANUAL, form.note(), caller.getName());
            redirect.addFlashAttribute("started", true);
            return "redirect:/tiering/runs/" + run.id();
        } catch (InvalidInput e) {
            page.addAttribute("problems", problemMessages.show(e.problems()));
            return page(form, page, locale);
        }
    }

    private String page(RunForm form, Model page, Locale locale) {
        Map<String, Long> distribution = customerTiers.distribution();
        page.addAttribute("form", form);
        page.addAttribute("distribution", distribution);
        page.addAttribute("graded", distribution.values().stream().mapToLong(Long::longValue).sum());
        page.addAttribute("distributionChart", charts.bars(messages.getMessage("tiering.distribution.customers", null, locale),
                tierLabels.names(List.copyOf(distribution.keySet()), locale),
                List.copyOf(distribution.values())));
        page.addAttribute("queue", assessments.list(List.of(RunStatus.AWAITING_APPROVAL, RunStatus.APPROVED), QUEUE));
        page.addAttribute("recent", assessments.list(List.of(), RECENT));
        page.addAttribute("triggers", triggers.recent(TRIGGERS));
        page.addAttribute("modelChoices", modelChoices(locale));
        return "tiering/workbench";
    }

    private List<ModelChoice> modelChoices(Locale locale) {
        List<ModelChoice> choices = new ArrayList<>();
        for (ModelVersion latest : models.list()) {
            List<ModelOption> options = models.versions(latest.modelId()).stream()
                    .map(v -> new ModelOption(RunForm.value(v), "v" + v.version() + note(v, locale)))
                    .toList();
            choices.add(new ModelChoice(latest.name(), latest.active(), options));
        }
        return choices;
    }

    private String note(ModelVersion version, Locale locale) {
        if (version.shippedPreset()) {
            return " · " + messages.getMessage("tiering.model.note.preset", null, locale);
        }
        return version.note() == null ? "" : " · " + version.note();
    }
}
