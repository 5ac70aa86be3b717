package com.tierdesk.security.internal;

import com.tierdesk.security.ApiToken;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API token; it acts with the token's role under the name {@code token:<prefix>}. */
public class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final ApiToken token;

    ApiTokenAuthentication(ApiToken token) {
        super(List.of(new SimpleGrantedAuthority(token.role().authority())));
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public ApiToken getPrincipal() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return "token:" + token.prefix();
    }
}
