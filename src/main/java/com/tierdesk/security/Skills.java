package com.tierdesk.security;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a person can handle: ticket types (the SLA policy's types, such as {@code COMPLAINT}) and languages (such as
 * {@code zh}, {@code en}). Sorted, so that they read the same wherever they are shown.
 */
public record Skills(Set<String> ticketTypes, Set<String> languages) {

    public Skills {
        ticketTypes = ticketTypes == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(ticketTypes));
        languages = languages == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(languages));
    }

    public static Skills none() {
        return new Skills(Set.of(), Set.of());
    }
}
