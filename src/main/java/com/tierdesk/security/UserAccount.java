package com.tierdesk.security;

import java.time.Instant;

/**
 * Someone the system knows by name: a person who signs in to the console, or a service account for an
 * integration. Everything done through a token or the command line is recorded under this name. The password
 * hash never leaves the module.
 */
public record UserAccount(String username, String displayName, Role role, AccountKind kind, boolean enabled,
                          Instant createdAt) {
}
