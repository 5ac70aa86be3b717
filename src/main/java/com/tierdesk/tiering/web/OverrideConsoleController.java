package com.tierdesk.tiering.web;

import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.tiering.TierOverride;
import com.tierdesk.tiering.TierOverrides;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Manual tier overrides by status (requested ones first): supervisors approve or reject a request (not their own)
 * and revoke an override in force, each after a confirmation in the override's row that says what the decision does
 * and takes the note (htmx swaps the row; without it the page opens with the row confirming). Account managers ask
 * for one on the customer's page.
 */
@Controller
@RequestMapping("/tiering/overrides")
@PreAuthorize("isAuthenticated()")
class OverrideConsoleController {

    static final int LIMIT = 200;
    static final String ALL = "ALL";
    private static final List<String> DECISIONS = List.of("approve", "reject", "revoke");
    private static final String ROW = "tiering/override-row :: row";

    private final TierOverrides overrides;
    private final ProblemMessages problemMessages;

    OverrideConsoleController(TierOverrides overrides, ProblemMessages problemMessages) {
        this.problemMessages = problemMessages;
        this.overrides = overrides;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "REQUESTED") String status, @RequestParam(required = false) Long confirm,
            @RequestParam(defaultValue = "") String decision, Model model) {
        confirming(confirm, decision, model);
        TierOverride.Status chosen = Arrays.stream(TierOverride.Status.values())
                .filter(s -> s.name().equals(status)).findFirst().orElse(null);
        model.addAttribute("status", chosen == null ? ALL : chosen.name());
        model.addAttribute("statuses", TierOverride.Status.values());
        model.addAttribute("overrides", overrides.list(chosen, LIMIT));
        return "tiering/overrides";
    }

    /** One override's row: its confirmation of {@code decision}, or its buttons again once cancelled. */
    @GetMapping("/{id}/row")
    String row(@PathVariable long id, @RequestParam(defaultValue = ALL) String status,
            @RequestParam(defaultValue = "") String decision, Model model) {
        model.addAttribute("o", overrides.get(id));
        model.addAttribute("status", status);
        confirming(id, decision, model);
        return ROW;
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processApproval(@PathVariable long id, @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = ALL) String status, Authentication caller, RedirectAttributes redirect) {
        return decide(id, status, "approve", note, redirect, o -> overrides.approve(o, caller.getName(), blankToNull(note)));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processRejection(@PathVariable long id, @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = ALL) String status, Authentication caller, RedirectAttributes redirect) {
        return decide(id, status, "reject", note, redirect, o -> overrides.reject(o, caller.getName(), blankToNull(note)));
    }

    @PostMapping("/{id}/revoke")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processRevocation(@PathVariable long id, @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = ALL) String status, Authentication caller, RedirectAttributes redirect) {
        return decide(id, status, "revoke", note, redirect, o -> overrides.revoke(o, caller.getName(), blankToNull(note)));
    }

    /** A refused decision opens its confirmation again, with the note as it was typed. */
    private String decide(long id, String status, String decision, String note, RedirectAttributes redirect,
            Consumer<Long> decide) {
        UriComponentsBuilder page = UriComponentsBuilder.fromPath("/tiering/overrides").queryParam("status", status);
        try {
            decide.accept(id);
            redirect.addFlashAttribute("decided", decision.equals("reject") ? "rejected" : decision + "d");
            redirect.addFlashAttribute("decidedId", id);
        } catch (Conflict | InvalidInput e) {
            redirect.addFlashAttribute("problems", problemMessages.show(e.problems()));
            redirect.addFlashAttribute("note", note);
            page.queryParam("confirm", id).queryParam("decision", decision).fragment("override-" + id);
        }
        return "redirect:" + page.toUriString();
    }

    /** Which override's row confirms which decision, when both name one. */
    private static void confirming(Long id, String decision, Model model) {
        if (id != null && DECISIONS.contains(decision)) {
            model.addAttribute("confirm", new Confirming(id, decision));
        }
    }

    /** The decision an override's row is confirming. */
    record Confirming(long id, String decision) {
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
