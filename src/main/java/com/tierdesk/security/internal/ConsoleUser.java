package com.tierdesk.security.internal;

import com.tierdesk.security.Role;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in person: the account's name, display name and role, as the console shows them. */
public class ConsoleUser extends User {

    private final String displayName;
    private final Role role;

    ConsoleUser(String username, String passwordHash, boolean enabled, String displayName, Role role) {
        super(username, passwordHash, enabled, true, true, true, List.of(new SimpleGrantedAuthority(role.authority())));
        this.displayName = displayName;
        this.role = role;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }
}
