package com.tierdesk.customer.web;

import com.tierdesk.customer.CustomerOwners;
import com.tierdesk.security.AccountKind;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Refusal;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page of customers' owners that are no account: each with its customers and a suggested account,
 * to map to a person, or to leave as it is.
 */
@Controller
@RequestMapping("/admin/customer-owners")
class OwnerMappingConsoleController {

    private final CustomerOwners owners;
    private final UserAccounts accounts;
    private final ProblemMessages problemMessages;

    OwnerMappingConsoleController(CustomerOwners owners, UserAccounts accounts, ProblemMessages problemMessages) {
        this.owners = owners;
        this.accounts = accounts;
        this.problemMessages = problemMessages;
    }

    @GetMapping
    String initOwnersPage(Model model) {
        model.addAttribute("unmatched", owners.unmatched());
        model.addAttribute("people", accounts.list().stream()
                .filter(account -> account.kind() == AccountKind.PERSON && account.enabled()).toList());
        return "customer/owners";
    }

    @PostMapping
    String processMapping(@RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String account,
                          Authentication caller, RedirectAttributes redirect) {
        try {
            int customers = owners.map(owner, account, caller.getName());
            redirect.addFlashAttribute("mapped", new MappedOwner(owner, account, customers));
        } catch (Refusal e) {
            redirect.addFlashAttribute("problems", problemMessages.show(e.problems()));
        }
        return "redirect:/admin/customer-owners";
    }

    record MappedOwner(String owner, String account, int customers) {
    }
}
