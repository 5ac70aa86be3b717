package com.tierdesk.security;

import java.util.Set;

/**
 * A change to a person's staffing: each value given replaces the current one, each {@code null} leaves it as it is.
 *
 * @param defaultCap the configured default cap again, instead of a cap of their own
 */
public record StaffingChange(Set<String> teams, Set<String> ticketTypes, Set<String> languages, Integer dailyCap,
                             boolean defaultCap) {

    /** No change to the staffing. */
    public static final StaffingChange NONE = new StaffingChange(null, null, null, null, false);

    public boolean isEmpty() {
        return teams == null && ticketTypes == null && languages == null && dailyCap == null && !defaultCap;
    }

    Staffing applyTo(Staffing current) {
        Skills skills = current.skills();
        return new Staffing(teams == null ? current.teams() : teams,
                new Skills(ticketTypes == null ? skills.ticketTypes() : ticketTypes,
                        languages == null ? skills.languages() : languages),
                defaultCap ? null : dailyCap == null ? current.dailyCap() : dailyCap);
    }
}
