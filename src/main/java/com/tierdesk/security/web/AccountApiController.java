package com.tierdesk.security.web;

import com.tierdesk.security.AccountKind;
import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccount;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Accounts for administrators: service accounts for integrations, and any account's role or whether it is enabled. */
@RestController
@Tag(name = "Accounts", description = "People and service accounts; tokens act as them")
class AccountApiController {

    private final UserAccounts accounts;

    AccountApiController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/accounts")
    List<AccountView> list() {
        return accounts.list().stream().map(AccountView::of).toList();
    }

    @GetMapping("/api/v1/accounts/{name}")
    AccountView get(@PathVariable String name) {
        return accounts.find(name).map(AccountView::of).orElseThrow(() -> new NotFound("name", "problem.no-account", name));
    }

    @PostMapping("/api/v1/service-accounts")
    @Operation(summary = "Create a service account", description = "An account for an integration: it has no password, "
            + "never signs in to the console and acts only through the tokens issued for it. 409 if the name is taken.")
    ResponseEntity<AccountView> createServiceAccount(@RequestBody ServiceAccountRequest request, Authentication caller) {
        UserAccount account = accounts.createServiceAccount(request.name(), request.displayName(), request.role(), caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.username())).body(AccountView.of(account));
    }

    @PatchMapping("/api/v1/accounts/{name}")
    @Operation(summary = "Change an account's role or disable it", description = "Its tokens act at most with the new "
            + "role, or stop working, from their next request. Nobody changes their own account (409).")
    AccountView change(@PathVariable String name, @RequestBody AccountChange change, Authentication caller) {
        return AccountView.of(accounts.change(name, change.role(), change.enabled(), caller.getName()));
    }

    record ServiceAccountRequest(String name, String displayName, Role role) {
    }

    /** Either or both; a value left out stays as it is. */
    record AccountChange(Role role, Boolean enabled) {
    }

    record AccountView(String name, String displayName, Role role, AccountKind kind, boolean enabled, Instant createdAt) {

        static AccountView of(UserAccount account) {
            return new AccountView(account.username(), account.displayName(), account.role(), account.kind(),
                    account.enabled(), account.createdAt());
        }
    }
}
