package com.tierdesk.security.internal;

import com.tierdesk.security.Role;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in person: the account's name, display name and role, as the console shows them, and whether they must
 * choose a new password before anything else (an administrator created the account or reset its password).
 */
public class ConsoleUser extends User {

    private final String displayName;
    private final Role role;
    private final boolean passwordChangeRequired;

    ConsoleUser(String username, String passwordHash, boolean enabled, String displayName, Role role,
                boolean passwordChangeRequired) {
        super(username, passwordHash, enabled, true, true, true, List.of(new SimpleGrantedAuthority(role.authority())));
        this.displayName = displayName;
        this.role = role;
        this.passwordChangeRequired = passwordChangeRequired;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    /** The same person once they chose their own password: the console is open to them again. */
    public ConsoleUser withPasswordChosen() {
        return new ConsoleUser(getUsername(), "", isEnabled(), displayName, role, false);
    }
}
