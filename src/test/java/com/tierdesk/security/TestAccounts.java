package com.tierdesk.security;

import java.util.Locale;
import java.util.UUID;

/** Accounts and tokens for tests, under fresh names, so that tests sharing one database never meet. */
public final class TestAccounts {

    public static final String PASSWORD = "correct horse battery";

    private final UserAccounts accounts;
    private final ApiTokens tokens;

    public TestAccounts(UserAccounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** A person who signs in with {@link #PASSWORD}. */
    public UserAccount person(Role role) {
        return accounts.create(name(role), "Test " + role, PASSWORD, role);
    }

    public UserAccount service(Role role) {
        return accounts.createServiceAccount(name(role), "Integration " + role, role, "tester");
    }

    /** A fresh API token acting as the account with the given role, issued by the tester. */
    public IssuedToken token(UserAccount account, Role role) {
        return tokens.issue(NewToken.api(account.username(), "token " + UUID.randomUUID(), role, null), "tester");
    }

    /** The Authorization header value that presents the token. */
    public static String bearer(IssuedToken token) {
        return "Bearer " + token.plaintext();
    }

    private static String name(Role role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
