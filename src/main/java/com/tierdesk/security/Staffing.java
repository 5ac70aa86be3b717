package com.tierdesk.security;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a person is deployed: the teams they belong to, their skills and their own daily ticket cap ({@code null}: the
 * configured default, {@code tierdesk.people.daily-cap}).
 */
public record Staffing(Set<String> teams, Skills skills, Integer dailyCap) {

    public Staffing {
        teams = teams == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(teams));
        skills = skills == null ? Skills.none() : skills;
    }

    public static Staffing none() {
        return new Staffing(Set.of(), Skills.none(), null);
    }
}
