package com.tierdesk.security;

/** A person's account with the one-time password just issued for it: shown once, then kept only as a hash. */
public record PasswordIssued(UserAccount account, String oneTimePassword) {

    @Override
    public String toString() {
        return "PasswordIssued[account=" + account.username() + ", oneTimePassword=<hidden>]";
    }
}
