package com.tierdesk.security;

/**
 * A person who can be given tickets, as assignment sees them: their presence now and the most tickets they take a day
 * (their own cap, else the configured default).
 */
public record StaffMember(String username, String displayName, Role role, Presence presence, int dailyCap) {
}
