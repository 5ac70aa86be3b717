package com.tierdesk.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a person or an integration may do. Stored by name; granted to Spring Security as
 * {@code ROLE_<name>}, with {@link #HIERARCHY} on top.
 */
public enum Role {
    AGENT, SENIOR_AGENT, ACCOUNT_MANAGER, QA, SUPERVISOR, ADMIN;

    /**
     * A supervisor can do what senior agents, account managers and QA inspectors do; an agent's
     * work is open to senior agents and account managers; an administrator can do everything.
     */
    public static final String HIERARCHY = """
            ROLE_ADMIN > ROLE_SUPERVISOR
            ROLE_SUPERVISOR > ROLE_SENIOR_AGENT
            ROLE_SUPERVISOR > ROLE_ACCOUNT_MANAGER
            ROLE_SUPERVISOR > ROLE_QA
            ROLE_SENIOR_AGENT > ROLE_AGENT
            ROLE_ACCOUNT_MANAGER > ROLE_AGENT
            """;

    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named by a granted authority such as {@code ROLE_QA}, if it is one of ours. */
    public static Optional<Role> fromAuthority(String authority) {
        if (authority == null || !authority.startsWith("ROLE_")) {
            return Optional.empty();
        }
        String name = authority.substring("ROLE_".length());
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }
}
