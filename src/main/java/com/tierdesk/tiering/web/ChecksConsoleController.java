package com.tierdesk.tiering.web;

import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Refusal;
import com.tierdesk.tiering.TieringTriggers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The workbench's "run the daily checks now" button; the workbench shows what the checks found. */
@Controller
@PreAuthorize("hasRole('SUPERVISOR')")
class ChecksConsoleController {

    private final TieringTriggers triggers;
    private final ProblemMessages problemMessages;

    ChecksConsoleController(TieringTriggers triggers, ProblemMessages problemMessages) {
        this.problemMessages = problemMessages;
        this.triggers = triggers;
    }

    @PostMapping("/tiering/checks")
    String processChecks(Authentication caller, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("checks", triggers.check(caller.getName()));
        } catch (Refusal e) {
            redirect.addFlashAttribute("checksRefusal", problemMessages.text(e));
        }
        return "redirect:/tiering#daily-checks";
    }
}
