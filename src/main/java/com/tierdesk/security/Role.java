package com.tierdesk.security;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

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

    /** Each role with the roles whose work it may do, itself included, read from {@link #HIERARCHY}. */
    private static final Map<Role, Set<Role>> INCLUDED = included();

    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * Whether people with this role work tickets (assignment may give them one): the roles that include an agent's
     * work, except the administrator, who runs the system.
     */
    public boolean worksTickets() {
        return includes(AGENT) && this != ADMIN;
    }

    /** Whether this role may do everything {@code other} may do. */
    public boolean includes(Role other) {
        return INCLUDED.get(this).contains(other);
    }

    /**
     * This role as far as {@code ceiling} allows: itself when the ceiling includes it, otherwise the highest role
     * both include (an agent for a senior agent under an account manager), or empty when they share none (QA
     * under an account manager). A token acts with its role capped at its account's role.
     */
    public Optional<Role> cappedAt(Role ceiling) {
        return Arrays.stream(values())
                .filter(role -> includes(role) && ceiling.includes(role))
                .max(Comparator.comparingInt(role -> INCLUDED.get(role).size()));
    }

    /** The role named by a granted authority such as {@code ROLE_QA}, if it is one of ours. */
    public static Optional<Role> fromAuthority(String authority) {
        if (authority == null || !authority.startsWith("ROLE_")) {
            return Optional.empty();
        }
        String name = authority.substring("ROLE_".length());
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }

    private static Map<Role, Set<Role>> included() {
        var hierarchy = RoleHierarchyImpl.fromHierarchy(HIERARCHY);
        var included = new EnumMap<Role, Set<Role>>(Role.class);
        for (Role role : values()) {
            Set<Role> reachable = EnumSet.noneOf(Role.class);
            hierarchy.getReachableGrantedAuthorities(List.of(new SimpleGrantedAuthority(role.authority()))).stream()
                    .map(GrantedAuthority::getAuthority)
                    .flatMap(authority -> fromAuthority(authority).stream())
                    .forEach(reachable::add);
            included.put(role, reachable);
        }
        return included;
    }
}
