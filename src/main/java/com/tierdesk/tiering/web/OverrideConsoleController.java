package com.tierdesk.tiering.web;

import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.tiering.TierOverride;
import com.tierdesk.tiering.TierOverrides;
import java.util.Arrays;
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
 * and revoke an override in force. Account managers ask for one on the customer's page.
 */
@Controller
@RequestMapping("/tiering/overrides")
@PreAuthorize("isAuthenticated()")
class OverrideConsoleController {

    static final int LIMIT = 200;
    static final String ALL = "ALL";

    private final TierOverrides overrides;
    private final ProblemMessages problemMessages;

    OverrideConsoleController(TierOverrides overrides, ProblemMessages problemMessages) {
        this.problemMessages = problemMessages;
        this.overrides = overrides;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "REQUESTED") String status, Model model) {
        TierOverride.Status chosen = Arrays.stream(TierOverride.Status.values())
                .filter(s -> s.name().equals(status)).findFirst().orElse(null);
        model.addAttribute("status", chosen == null ? ALL : chosen.name());
        model.addAttribute("statuses", TierOverride.Status.values());
        model.addAttribute("overrides", overrides.list(chosen, LIMIT));
        return "tiering/overrides";
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processApproval(@PathVariable long id, @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = ALL) String status, Authentication caller, RedirectAttributes redirect) {
        return decide(id, status, "approved", redirect, o -> overrides.approve(o, caller.getName(), blankToNull(note)));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processRejection(@PathVariable long id, @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = ALL) String status, Authentication caller, RedirectAttributes redirect) {
        return decide(id, status, "rejected", redirect, o -> overrides.reject(o, caller.getName(), blankToNull(note)));
    }

    @PostMapping("/{id}/revoke")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processRevocation(@PathVariable long id, @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = ALL) String status, Authentication caller, RedirectAttributes redirect) {
        return decide(id, status, "revoked", redirect, o -> overrides.revoke(o, caller.getName(), blankToNull(note)));
    }

    private String decide(long id, String status, String outcome, RedirectAttributes redirect, Consumer<Long> decision) {
        try {
            decision.accept(id);
            redirect.addFlashAttribute("decided", outcome);
            redirect.addFlashAttribute("decidedId", id);
        } catch (Conflict | InvalidInput e) {
            redirect.addFlashAttribute("problems", problemMessages.show(e.problems()));
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/tiering/overrides").queryParam("status", status).toUriString();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
