package com.tierdesk.security.web;

import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Refusal;
import java.util.Arrays;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Service accounts on the tokens page: an administrator creates one for an integration, disables or enables it. */
@Controller
@RequestMapping("/admin/service-accounts")
class ServiceAccountConsoleController {

    private static final String TOKENS_PAGE = "redirect:/admin/tokens";

    private final UserAccounts accounts;
    private final ProblemMessages problemMessages;

    ServiceAccountConsoleController(UserAccounts accounts, ProblemMessages problemMessages) {
        this.problemMessages = problemMessages;
        this.accounts = accounts;
    }

    @PostMapping
    String processCreateForm(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String displayName,
                             @RequestParam(defaultValue = "") String role, Authentication caller, RedirectAttributes redirect) {
        try {
            Role accountRole = Arrays.stream(Role.values()).filter(candidate -> candidate.name().equals(role)).findFirst().orElse(null);
            redirect.addFlashAttribute("accountCreated", accounts.createServiceAccount(name, displayName, accountRole,
                    caller.getName()).username());
        } catch (Refusal e) {
            redirect.addFlashAttribute("accountProblems", problemMessages.show(e.problems()));
            redirect.addFlashAttribute("accountName", name);
            redirect.addFlashAttribute("accountDisplayName", displayName);
        }
        return TOKENS_PAGE;
    }

    @PostMapping("/{name}/disable")
    String processDisable(@PathVariable String name, Authentication caller, RedirectAttributes redirect) {
        return enable(name, false, caller, redirect);
    }

    @PostMapping("/{name}/enable")
    String processEnable(@PathVariable String name, Authentication caller, RedirectAttributes redirect) {
        return enable(name, true, caller, redirect);
    }

    private String enable(String name, boolean enabled, Authentication caller, RedirectAttributes redirect) {
        try {
            accounts.change(name, null, enabled, caller.getName());
            redirect.addFlashAttribute(enabled ? "accountEnabled" : "accountDisabled", name);
        } catch (Refusal e) {
            redirect.addFlashAttribute("accountProblems", problemMessages.show(e.problems()));
        }
        return TOKENS_PAGE;
    }
}
