package com.tierdesk.security;

import java.time.Instant;

/**
 * What an administrator asks for when issuing a token: the account it acts as, a name saying what it is for, its
 * scope, its role (API tokens only) and when it stops working ({@code null} for never).
 */
public record NewToken(String account, String name, TokenScope scope, Role role, Instant expiresAt) {

    public static NewToken api(String account, String name, Role role, Instant expiresAt) {
        return new NewToken(account, name, TokenScope.API, role, expiresAt);
    }

    public static NewToken metrics(String account, String name, Instant expiresAt) {
        return new NewToken(account, name, TokenScope.METRICS, null, expiresAt);
    }
}
