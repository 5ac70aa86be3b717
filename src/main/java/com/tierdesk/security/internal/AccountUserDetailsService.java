package com.tierdesk.security.internal;

import com.tierdesk.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Form login reads people's accounts, with their password hashes, straight from user_account; service accounts have no password and never sign in. */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    AccountUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, display_name, password_hash, role, enabled, password_change_required "
                        + "FROM user_account WHERE username = :username AND kind = 'PERSON'")
                .param("username", username)
                .query((rs, row) -> new ConsoleUser(rs.getString("username"), rs.getString("password_hash"),
                        rs.getBoolean("enabled"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                        rs.getBoolean("password_change_required")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no account " + username));
    }
}
