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
import java.util.LinkedHashMap;
import java.util.Locale;
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
 * The policy matrix: for supervisors the current version as editable rows (they publish an edit as a new
 * version); for every other role, and for every older version, the matrix as a table. Tiers are shown by their
 * names in the reader's language.
 */
@Controller
@RequestMapping("/sla/policies")
@PreAuthorize("isAuthenticated()")
class PolicyConsoleController {

    private final SlaPolicies policies;
    private final SlaCalendars calendars;
    private final TierCatalog tiers;
    private final TraceText text;
    private final ProblemMessages problemMessages;

    PolicyConsoleController(SlaPolicies policies, SlaCalendars calendars, TierCatalog tiers, TraceText text,
            ProblemMessages problemMessages) {
        this.problemMessages = problemMessages;
        this.policies = policies;
        this.calendars = calendars;
        this.tiers = tiers;
        this.text = text;
    }

    /** The editor posts every row of a version, and versions may have up to {@link SlaPolicies#MAX_ROWS}. */
    @InitBinder("form")
    void rows(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(SlaPolicies.MAX_ROWS + PolicyForm.BLANK_ROWS);
    }

    @GetMapping
    String initPolicyForm(Authentication caller, Locale locale, Model model) {
        PolicyMatrix current = policies.current();
        return page(current, PolicyForm.of(current), SlaEditors.mayEdit(caller), locale, model);
    }

    @GetMapping("/{version}")
    String version(@PathVariable int version, Locale locale, Model model) {
        PolicyMatrix matrix = policies.version(version);
        model.addAttribute("readOnly", true);
        return page(matrix, PolicyForm.of(matrix), false, locale, model);
    }

    @PostMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processPolicyForm(@ModelAttribute("form") PolicyForm form, Authentication caller, Locale locale,
            Model model, RedirectAttributes redirect) {
        try {
            PolicyMatrix published = policies.publish(form.draft(), caller.getName());
            redirect.addFlashAttribute("published", published.version());
            return "redirect:/sla/policies";
        } catch (InvalidInput e) {
            model.addAttribute("problems", problemMessages.show(e.problems()));
            model.addAttribute("fieldProblems", FieldProblems.byField(problemMessages.show(e.problems())));
            return page(policies.current(), form, true, locale, model);
        }
    }

    private String page(PolicyMatrix matrix, PolicyForm form, boolean editable, Locale locale, Model model) {
        var tierNames = new LinkedHashMap<String, String>();
        tiers.tiers().forEach(tier -> tierNames.put(tier.code(), tier.name(locale)));
        model.addAttribute("matrix", matrix);
        model.addAttribute("editable", editable);
        model.addAttribute("form", form);
        model.addAttribute("rows", matrix.rows().stream().map(row -> new RowView(
                tierNames.getOrDefault(row.tier(), row.tier()), row.type(), row.priority(), row.target(),
                text.duration(row.duration(), locale), row.calendar())).toList());
        model.addAttribute("liveChatFirstReply", text.duration(matrix.liveChatFirstReply(), locale));
        model.addAttribute("versions", policies.versions());
        model.addAttribute("tiers", tierNames);
        model.addAttribute("types", TicketType.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("targets", Arrays.stream(SlaTarget.values()).filter(t -> t != SlaTarget.FIRST_CHAT_REPLY).toList());
        model.addAttribute("calendarCodes", calendars.codes());
        if (!model.containsAttribute("fieldProblems")) {
            model.addAttribute("fieldProblems", Map.<String, String>of());
        }
        return "sla/policies";
    }

    /** A row of the matrix as the table shows it: the tier by its name, the duration in the reader's units. */
    record RowView(String tier, TicketType type, Priority priority, SlaTarget target, String duration,
                   String calendar) {
    }
}
