package com.tierdesk.security.internal;

import com.tierdesk.security.ActingToken;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by an API token. It acts as the token's account, under the account's name, so that
 * whatever records who did something records the account, whether it came through a token, a session or the
 * command line; an API token with its role capped at the account's, a metrics token with {@link #METRICS} only.
 */
public class ApiTokenAuthentication extends AbstractAuthenticationToken {

    /** The one authority of a metrics token: reading {@code /actuator/prometheus}, nothing else. */
    static final String METRICS = "SCOPE_METRICS";

    private final ActingToken acting;

    ApiTokenAuthentication(ActingToken acting) {
        super(List.of(authority(acting)));
        this.acting = acting;
        setAuthenticated(true);
    }

    @Override
    public ActingToken getPrincipal() {
        return acting;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return acting.account().username();
    }

    private static GrantedAuthority authority(ActingToken acting) {
        return new SimpleGrantedAuthority(acting.role() == null ? METRICS : acting.role().authority());
    }
}
