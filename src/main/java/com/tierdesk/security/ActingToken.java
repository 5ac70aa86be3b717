package com.tierdesk.security;

/**
 * A token that authenticated a request: the account it acts as, whose name is recorded for everything the request
 * does, and the role it acts with (its own role capped at the account's), or none for a metrics token.
 */
public record ActingToken(ApiToken token, UserAccount account, Role role) {
}
