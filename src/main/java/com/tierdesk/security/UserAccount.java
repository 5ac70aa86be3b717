package com.tierdesk.security;

import java.time.Instant;

/** A person who signs in to the console. The password hash never leaves the module. */
public record UserAccount(String username, String displayName, Role role, boolean enabled, Instant createdAt) {
}
