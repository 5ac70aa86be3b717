package com.tierdesk.security;

import com.tierdesk.security.internal.AccessRules;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Whether the console offers an action: decided from the same table the filter chains enforce ({@link AccessRules}),
 * so that a page shows a link, a button or a form exactly to the roles whose request would be let through, and the
 * console and the API agree on who may. Templates ask for the signed-in person:
 * {@code th:if="${@consoleAccess.allows('POST', '/imports')}"}.
 */
@Component("consoleAccess")
public class ConsoleAccess {

    /** Whether the role may call the method on the path. */
    public boolean may(Role role, HttpMethod method, String path) {
        return role != null && AccessRules.permits(role, method, path);
    }

    /** Whether the signed-in person (or token) may call the method ({@code GET}, {@code POST} …) on the path. */
    public boolean allows(String method, String path) {
        return role(SecurityContextHolder.getContext().getAuthentication())
                .map(role -> may(role, HttpMethod.valueOf(method), path))
                .orElse(false);
    }

    /** The role the authentication acts with: its first authority that is one of ours. */
    public static Optional<Role> role(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .flatMap(authority -> Role.fromAuthority(authority).stream()).findFirst();
    }
}
