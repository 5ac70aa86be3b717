package com.tierdesk.security.web;

import com.tierdesk.security.Role;
import com.tierdesk.shared.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Checks a request for a new token field by field, so the caller learns every problem at once. */
final class TokenRequestProblems {

    private TokenRequestProblems() {
    }

    static List<FieldProblem> of(String name, String role, Instant expiresAt, Instant now) {
        var problems = new ArrayList<FieldProblem>();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        } else if (name.strip().length() > 100) {
            problems.add(new FieldProblem("name", "must have at most 100 characters"));
        }
        if (parseRole(role).isEmpty()) {
            problems.add(new FieldProblem("role", "must be one of " + Arrays.toString(Role.values())));
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            problems.add(new FieldProblem("expiresAt", "must be in the future"));
        }
        return problems;
    }

    static Optional<Role> parseRole(String role) {
        return Arrays.stream(Role.values()).filter(candidate -> candidate.name().equals(role)).findFirst();
    }
}
