package com.tierdesk.security.web;

import com.tierdesk.security.ActingToken;
import com.tierdesk.security.Role;
import com.tierdesk.security.internal.ConsoleUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the API thinks the caller is: lets an integration check its token before doing real work. A token answers
 * with its account's name, the name everything it does is recorded under, and the role it acts with.
 */
@RestController
class MeController {

    @GetMapping("/api/v1/me")
    Me me(Authentication authentication) {
        Role role = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(authority -> Role.fromAuthority(authority).stream())
                .findFirst()
                .orElseThrow();
        if (authentication.getPrincipal() instanceof ActingToken acting) {
            return new Me(authentication.getName(), acting.account().displayName(), role, "token", acting.token().name());
        }
        String displayName = authentication.getPrincipal() instanceof ConsoleUser user ? user.getDisplayName() : authentication.getName();
        return new Me(authentication.getName(), displayName, role, "session", null);
    }

    /** @param token the name of the token the request came with, if it came with one */
    record Me(String name, String displayName, Role role, String authenticatedBy, String token) {
    }
}
