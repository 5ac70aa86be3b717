package com.tierdesk.security.web;

import com.tierdesk.security.AccountKind;
import com.tierdesk.security.AccountProfile;
import com.tierdesk.security.ContactChange;
import com.tierdesk.security.PasswordIssued;
import com.tierdesk.security.People;
import com.tierdesk.security.Presence;
import com.tierdesk.security.Role;
import com.tierdesk.security.Skills;
import com.tierdesk.security.Staffing;
import com.tierdesk.security.StaffingChange;
import com.tierdesk.security.UserAccount;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts for administrators: people with their teams, skills and daily cap, service accounts for integrations, any
 * account's role or whether it is enabled, and a person's password reset.
 */
@RestController
@Tag(name = "Accounts", description = "People and service accounts; tokens act as them")
class AccountApiController {

    private final UserAccounts accounts;
    private final People people;

    AccountApiController(UserAccounts accounts, People people) {
        this.accounts = accounts;
        this.people = people;
    }

    @GetMapping("/api/v1/accounts")
    List<AccountView> list() {
        return people.profiles().stream().map(AccountView::of).toList();
    }

    @GetMapping("/api/v1/accounts/{name}")
    AccountView get(@PathVariable String name) {
        return people.profile(name).map(AccountView::of).orElseThrow(() -> new NotFound("name", "problem.no-account", name));
    }

    @PostMapping("/api/v1/accounts")
    @Operation(summary = "Create a person's account", description = "With a role, teams, skills, a daily cap (left "
            + "out: the configured default), an email address for notifications (optional) and the language they "
            + "read (zh-CN, the default, or en). The answer carries a one-time password, shown only this once; the "
            + "person chooses their own at their first console sign-in. 409 if the name or the email address is taken.")
    ResponseEntity<IssuedPassword> create(@RequestBody PersonRequest request, Authentication caller) {
        PasswordIssued issued = accounts.createPerson(request.name(), request.displayName(), request.role(),
                request.staffing(), new ContactChange(request.email(), request.language()), caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + issued.account().username()))
                .body(issued(issued));
    }

    @PostMapping("/api/v1/service-accounts")
    @Operation(summary = "Create a service account", description = "An account for an integration: it has no password, "
            + "never signs in to the console and acts only through the tokens issued for it. 409 if the name is taken.")
    ResponseEntity<AccountView> createServiceAccount(@RequestBody ServiceAccountRequest request, Authentication caller) {
        UserAccount account = accounts.createServiceAccount(request.name(), request.displayName(), request.role(), caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.username())).body(get(account.username()));
    }

    @PatchMapping("/api/v1/accounts/{name}")
    @Operation(summary = "Change an account", description = "Its role, whether it is enabled, and a person's teams, "
            + "skills, daily cap, email address (blank: none) and language; a value left out stays as it is. Tokens "
            + "act at most with the new role, or stop working, from their next request; the open tickets of a person "
            + "disabled or given a role that works none go back through the assignment rules. Nobody changes their "
            + "own role or enables or disables themselves (409); an email address another account has is refused (409).")
    AccountView change(@PathVariable String name, @RequestBody AccountChange change, Authentication caller) {
        return AccountView.of(people.change(name, change.role(), change.enabled(), change.staffing(),
                new ContactChange(change.email(), change.language()), caller.getName()));
    }

    @PostMapping("/api/v1/accounts/{name}/password-reset")
    @Operation(summary = "Reset a person's password", description = "The answer carries a new one-time password, shown "
            + "only this once; the old one stops working at once, and the person chooses their own at their next "
            + "console sign-in. 409 for a service account or one's own account.")
    IssuedPassword resetPassword(@PathVariable String name, Authentication caller) {
        return issued(accounts.resetPassword(name, caller.getName()));
    }

    private IssuedPassword issued(PasswordIssued issued) {
        return new IssuedPassword(get(issued.account().username()), issued.oneTimePassword());
    }

    record ServiceAccountRequest(String name, String displayName, Role role) {
    }

    record SkillsBody(Set<String> ticketTypes, Set<String> languages) {
    }

    /** @param dailyCap left out: the configured default; @param language zh-CN (left out) or en */
    record PersonRequest(String name, String displayName, Role role, Set<String> teams, SkillsBody skills, Integer dailyCap,
                         String email, String language) {

        Staffing staffing() {
            return new Staffing(teams, skills == null ? Skills.none() : new Skills(skills.ticketTypes(), skills.languages()),
                    dailyCap);
        }
    }

    /**
     * Any of these; a value left out stays as it is. @param defaultCap true: the configured default cap again;
     * @param email blank: no address any more
     */
    record AccountChange(Role role, Boolean enabled, Set<String> teams, SkillsBody skills, Integer dailyCap,
                         Boolean defaultCap, String email, String language) {

        StaffingChange staffing() {
            return new StaffingChange(teams, skills == null ? null : skills.ticketTypes(),
                    skills == null ? null : skills.languages(), dailyCap, Boolean.TRUE.equals(defaultCap));
        }
    }

    record IssuedPassword(AccountView account, String oneTimePassword) {
    }

    /** @param passwordChangeRequired the person must choose a new password at their next console sign-in */
    record AccountView(String name, String displayName, Role role, AccountKind kind, boolean enabled, Instant createdAt,
                       Set<String> teams, Skills skills, int dailyCap, boolean ownCap, Presence presence, String email,
                       String language, boolean passwordChangeRequired) {

        static AccountView of(AccountProfile profile) {
            UserAccount account = profile.account();
            return new AccountView(account.username(), account.displayName(), account.role(), account.kind(),
                    account.enabled(), account.createdAt(), profile.staffing().teams(), profile.staffing().skills(),
                    profile.dailyCap(), profile.ownCap(), profile.presence(), profile.contact().email(),
                    profile.contact().languageTag(), profile.passwordChangeRequired());
        }
    }
}
