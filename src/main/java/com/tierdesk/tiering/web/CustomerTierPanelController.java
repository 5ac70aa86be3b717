package com.tierdesk.tiering.web;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.Customers;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.task.Tasks;
import com.tierdesk.tiering.AssessmentResults;
import com.tierdesk.tiering.CurrentTier;
import com.tierdesk.tiering.CustomerTiers;
import com.tierdesk.tiering.TierOverrides;
import com.tierdesk.tiering.TieringTriggers;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tier panel of the customer 360 page, which htmx loads from here so that the customer module needs nothing
 * of tiering: the current tier (and override), the explanation of the published run behind it, the tier timeline,
 * overrides with the account managers' request form, and the customer's triggers and tasks.
 */
@Controller
@RequestMapping("/tiering/customers/{code}")
@PreAuthorize("isAuthenticated()")
class CustomerTierPanelController {

    private static final String PANEL = "tiering/customer-panel :: panel";

    private final Customers customers;
    private final CustomerTiers customerTiers;
    private final AssessmentResults results;
    private final TierOverrides overrides;
    private final TieringTriggers triggers;
    private final Tasks tasks;
    private final CustomerActivity activity;
    private final ExplanationViews explanations;
    private final ProblemMessages problemMessages;

    CustomerTierPanelController(Customers customers, CustomerTiers customerTiers, AssessmentResults results,
            TierOverrides overrides, TieringTriggers triggers, Tasks tasks, CustomerActivity activity,
            ExplanationViews explanations,
            ProblemMessages problemMessages) {
        this.problemMessages = problemMessages;
        this.customers = customers;
        this.customerTiers = customerTiers;
        this.results = results;
        this.overrides = overrides;
        this.triggers = triggers;
        this.tasks = tasks;
        this.activity = activity;
        this.explanations = explanations;
    }

    @GetMapping("/panel")
    String panel(@PathVariable String code, Model model, Locale locale) {
        return panel(customers.get(code), model, locale);
    }

    /** An account manager asks for a manual tier; the panel comes back with the request or its problems. */
    @PostMapping("/overrides")
    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    String processOverrideRequest(@PathVariable String code, @RequestParam(defaultValue = "") String tier,
            @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String expiresOn,
            Authentication caller, Model model, Locale locale) {
        Customer customer = customers.get(code);
        try {
            model.addAttribute("requested", overrides.request(code, tier, reason, date(expiresOn), caller.getName()));
        } catch (InvalidInput | Conflict e) {
            model.addAttribute("problems", problemMessages.show(e.problems()));
            model.addAttribute("draft", new OverrideDraft(tier, reason, expiresOn));
        }
        return panel(customer, model, locale);
    }

    private static LocalDate date(String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("expiresOn", "problem.not-a-date", ApiProblems.echo(text.strip()), "2026-12-31");
        }
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> list = new ArrayList<>(oldestFirst);
        Collections.reverse(list);
        return list;
    }

    /** The request form's values as entered, shown again with its problems. */
    record OverrideDraft(String tier, String reason, String expiresOn) {
    }

    private String panel(Customer customer, Model model, Locale locale) {
        CurrentTier current = customerTiers.current(customer.id()).orElse(null);
        model.addAttribute("customer", customer);
        model.addAttribute("current", current);
        if (current != null && current.assessedBy() != null) {
            model.addAttribute("explained", explanations.of(results.explain(current.assessedBy(), customer.id()), locale));
        }
        model.addAttribute("timeline", newestFirst(customerTiers.timeline(customer.id())));
        model.addAttribute("overrides", overrides.ofCustomer(customer.id()));
        model.addAttribute("triggers", triggers.ofCustomer(customer.id()));
        model.addAttribute("tasks", tasks.ofCustomer(customer.id()));
        model.addAttribute("today", activity.today());
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new OverrideDraft("", "", activity.today().plusDays(90).toString()));
        }
        return PANEL;
    }
}
