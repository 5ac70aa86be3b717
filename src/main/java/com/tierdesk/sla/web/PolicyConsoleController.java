package com.tierdesk.sla.web;

import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.sla.PolicyMatrix;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaCalendars;
import com.tierdesk.sla.SlaPolicies;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.sla.TicketType;
import com.tierdesk.tiering.TierCatalog;
import java.util.Arrays;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The policy matrix editor: the current version as editable rows (supervisors publish an edit as a new version),
 * and every older version, read-only.
 */
@Controller
@RequestMapping("/sla/policies")
@PreAuthorize("isAuthenticated()")
class PolicyConsoleController {

    private final SlaPolicies policies;
    private final SlaCalendars calendars;
    private final TierCatalog tiers;
    private final ProblemMessages problemMessages;

    PolicyConsoleController(SlaPolicies policies, SlaCalendars calendars, TierCatalog tiers,
            ProblemMessages problemMessages) {
        this.problemMessages = problemMessages;
        this.policies = policies;
        this.calendars = calendars;
        this.tiers = tiers;
    }

    /** The editor posts every row of a version, and versions may have up to {@link SlaPolicies#MAX_ROWS}. */
    @InitBinder("form")
    void rows(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(SlaPolicies.MAX_ROWS + PolicyForm.BLANK_ROWS);
    }

    @GetMapping
    String initPolicyForm(Model model) {
        PolicyMatrix current = policies.current();
        return page(current, PolicyForm.of(current), model);
    }

    @GetMapping("/{version}")
    String version(@PathVariable int version, Model model) {
        PolicyMatrix matrix = policies.version(version);
        model.addAttribute("readOnly", true);
        return page(matrix, PolicyForm.of(matrix), model);
    }

    @PostMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processPolicyForm(@ModelAttribute("form") PolicyForm form, Authentication caller, Model model,
            RedirectAttributes redirect) {
        try {
            PolicyMatrix published = policies.publish(form.draft(), caller.getName());
            redirect.addFlashAttribute("published", published.version());
            return "redirect:/sla/policies";
        } catch (InvalidInput e) {
            model.addAttribute("problems", problemMessages.show(e.problems()));
            model.addAttribute("fieldProblems", FieldProblems.byField(problemMessages.show(e.problems())));
            return page(policies.current(), form, model);
        }
    }

    private String page(PolicyMatrix matrix, PolicyForm form, Model model) {
        model.addAttribute("matrix", matrix);
        model.addAttribute("form", form);
        model.addAttribute("versions", policies.versions());
        model.addAttribute("tiers", tiers.codes());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("targets", Arrays.stream(SlaTarget.values()).filter(t -> t != SlaTarget.FIRST_CHAT_REPLY).toList());
        model.addAttribute("calendarCodes", calendars.codes());
        if (!model.containsAttribute("fieldProblems")) {
            model.addAttribute("fieldProblems", Map.<String, String>of());
        }
        return "sla/policies";
    }
}
