package com.tierdesk.security.web;

import com.tierdesk.security.AccountProfile;
import com.tierdesk.security.Contact;
import com.tierdesk.security.ContactChange;
import com.tierdesk.security.PasswordIssued;
import com.tierdesk.security.People;
import com.tierdesk.security.Role;
import com.tierdesk.security.Skills;
import com.tierdesk.security.Staffing;
import com.tierdesk.security.StaffingChange;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Refusal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' pages for people's accounts: the list with a form to create one, and each account's page to
 * change its role, teams, skills, daily cap, email address and language, disable or enable it and reset its password.
 * A one-time password is rendered in the answer itself, never kept in the session.
 */
@Controller
@RequestMapping("/admin/accounts")
class AccountConsoleController {

    private static final String LIST = "security/accounts";
    private static final String DETAIL = "security/account";

    private final UserAccounts accounts;
    private final People people;
    private final ProblemMessages problemMessages;

    AccountConsoleController(UserAccounts accounts, People people, ProblemMessages problemMessages) {
        this.accounts = accounts;
        this.people = people;
        this.problemMessages = problemMessages;
    }

    @GetMapping
    String initAccountsPage(Model model) {
        model.addAttribute("form", StaffingForm.empty());
        model.addAttribute("contact", ContactForm.of(Contact.NONE));
        return list(model);
    }

    @PostMapping
    String processCreateForm(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String displayName,
                             @RequestParam(defaultValue = "") String role, StaffingForm form, ContactForm contact,
                             Authentication caller, Model model) {
        try {
            PasswordIssued issued = accounts.createPerson(name, displayName, parseRole(role), form.staffing(),
                    contact.change(), caller.getName());
            model.addAttribute("issued", issued.oneTimePassword());
            model.addAttribute("created", true);
            return detail(issued.account().username(), model);
        } catch (Refusal e) {
            model.addAttribute("problems", problemMessages.show(e.problems()));
            model.addAttribute("name", name);
            model.addAttribute("displayName", displayName);
            model.addAttribute("role", role);
            model.addAttribute("form", form);
            model.addAttribute("contact", contact);
            return list(model);
        }
    }

    @GetMapping("/{name}")
    String initAccountPage(@PathVariable String name, Model model) {
        return detail(name, model);
    }

    @PostMapping("/{name}")
    String processChangeForm(@PathVariable String name, @RequestParam(defaultValue = "") String role, StaffingForm form,
                             ContactForm contact, Authentication caller, Model model, RedirectAttributes redirect) {
        AccountProfile current = profile(name);
        Role newRole = parseRole(role);
        try {
            people.change(name, newRole == current.account().role() ? null : newRole, null, form.change(),
                    contact.change(), caller.getName());
            redirect.addFlashAttribute("changed", true);
            return "redirect:/admin/accounts/" + name;
        } catch (Refusal e) {
            model.addAttribute("problems", problemMessages.show(e.problems()));
            model.addAttribute("form", form);
            model.addAttribute("contact", contact);
            return detail(name, model);
        }
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
            redirect.addFlashAttribute(enabled ? "enabled" : "disabled", true);
        } catch (Refusal e) {
            redirect.addFlashAttribute("problems", problemMessages.show(e.problems()));
        }
        return "redirect:/admin/accounts/" + name;
    }

    @PostMapping("/{name}/password-reset")
    String processPasswordReset(@PathVariable String name, Authentication caller, Model model) {
        try {
            model.addAttribute("issued", accounts.resetPassword(name, caller.getName()).oneTimePassword());
        } catch (Refusal e) {
            model.addAttribute("problems", problemMessages.show(e.problems()));
        }
        return detail(name, model);
    }

    private String list(Model model) {
        model.addAttribute("profiles", people.profiles());
        addChoices(model);
        return LIST;
    }

    private String detail(String name, Model model) {
        AccountProfile profile = profile(name);
        model.addAttribute("profile", profile);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", StaffingForm.of(profile.staffing()));
        }
        if (!model.containsAttribute("contact")) {
            model.addAttribute("contact", ContactForm.of(profile.contact()));
        }
        addChoices(model);
        return DETAIL;
    }

    private void addChoices(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("ticketTypes", people.ticketTypes());
        model.addAttribute("skillLanguages", people.languages());
        model.addAttribute("readingLanguages", Contact.LANGUAGES.stream().map(Locale::toLanguageTag).toList());
        model.addAttribute("defaultCap", people.defaultDailyCap());
    }

    private AccountProfile profile(String name) {
        return people.profile(name).orElseThrow(() -> new NotFound("name", "problem.no-account", name));
    }

    private static Role parseRole(String role) {
        return Arrays.stream(Role.values()).filter(candidate -> candidate.name().equals(role)).findFirst().orElse(null);
    }

    /** A person's email address (blank: none) and language, as the forms send them. */
    record ContactForm(String email, String language) {

        static ContactForm of(Contact contact) {
            return new ContactForm(contact.email() == null ? "" : contact.email(), contact.languageTag());
        }

        ContactChange change() {
            return new ContactChange(email == null ? "" : email, language);
        }
    }

    /**
     * A person's staffing as the forms send it: teams as comma-separated text, ticket types and languages as ticked
     * boxes, the cap as a number or blank for the configured default. An unreadable cap is kept as text, so that the
     * rules refuse it with their reason.
     */
    record StaffingForm(String teams, List<String> ticketTypes, List<String> languages, String dailyCap) {

        StaffingForm {
            ticketTypes = ticketTypes == null ? List.of() : ticketTypes;
            languages = languages == null ? List.of() : languages;
        }

        static StaffingForm empty() {
            return new StaffingForm("", List.of(), List.of(), "");
        }

        static StaffingForm of(Staffing staffing) {
            return new StaffingForm(String.join(", ", staffing.teams()), List.copyOf(staffing.skills().ticketTypes()),
                    List.copyOf(staffing.skills().languages()),
                    staffing.dailyCap() == null ? "" : staffing.dailyCap().toString());
        }

        Staffing staffing() {
            return new Staffing(split(teams), new Skills(Set.copyOf(ticketTypes), Set.copyOf(languages)), cap());
        }

        StaffingChange change() {
            Staffing staffing = staffing();
            return new StaffingChange(staffing.teams(), staffing.skills().ticketTypes(), staffing.skills().languages(),
                    staffing.dailyCap(), staffing.dailyCap() == null);
        }

        private Integer cap() {
            if (dailyCap == null || dailyCap.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(dailyCap.strip());
            } catch (NumberFormatException notANumber) {
                throw InvalidInput.of("dailyCap", "problem.not-a-number", dailyCap);
            }
        }

        private static Set<String> split(String text) {
            if (text == null) {
                return Set.of();
            }
            return Arrays.stream(text.split("[,，]")).map(String::strip).filter(part -> !part.isEmpty())
                    .collect(Collectors.toSet());
        }
    }
}
