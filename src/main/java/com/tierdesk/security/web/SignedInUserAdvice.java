package com.tierdesk.security.web;

import com.tierdesk.security.ActingToken;
import com.tierdesk.security.People;
import com.tierdesk.security.Presence;
import com.tierdesk.security.Role;
import com.tierdesk.security.internal.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every console page {@code signedIn}: the name, role and presence the layout shows in its top bar. */
@ControllerAdvice
class SignedInUserAdvice {

    private final People people;

    SignedInUserAdvice(People people) {
        this.people = people;
    }

    @ModelAttribute("signedIn")
    SignedInUser signedIn(Authentication authentication, HttpServletRequest request) {
        if (authentication == null || !authentication.isAuthenticated() || isApi(request)) {
            return null;
        }
        Role role = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(authority -> Role.fromAuthority(authority).stream())
                .findFirst()
                .orElse(null);
        Object principal = authentication.getPrincipal();
        String displayName = principal instanceof ConsoleUser user ? user.getDisplayName()
                : principal instanceof ActingToken acting ? acting.account().displayName()
                : authentication.getName();
        Presence presence = people.presence(authentication.getName()).orElse(null);
        return new SignedInUser(authentication.getName(), displayName, role, presence);
    }

    /** The API answers in JSON: no page shows who is signed in, so the presence is not read. */
    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** @param presence {@code null} when the account is not known (a test's made-up person) */
    record SignedInUser(String username, String displayName, Role role, Presence presence) {
    }
}
