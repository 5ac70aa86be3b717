package com.tierdesk.sla.web;

import com.tierdesk.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who edits calendars and publishes policy versions: supervisors (administrators included), as the access rules
 * say for the same writes. The console decides with it, per request, whether a page shows forms or text, so that
 * nobody is offered a form the server would refuse.
 */
final class SlaEditors {

    private SlaEditors() {
    }

    static boolean mayEdit(Authentication caller) {
        return caller != null && caller.isAuthenticated() && caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(authority -> Role.fromAuthority(authority).stream())
                .anyMatch(role -> role.includes(Role.SUPERVISOR));
    }
}
