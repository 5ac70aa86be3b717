package com.tierdesk.security.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Form sign-in through {@link SignInThrottle}: an attempt the throttle holds is refused before the password is
 * checked, a failure counts against the account name and the client address, a success forgives them.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "unknown";
        String account = SignInThrottle.couldBeAnAccount(attempt.getName()) ? attempt.getName() : null;
        throttle.admitSignIn(account, address).ifPresent(hold -> {
            throw new SignInHeld(hold);
        });
        try {
            if (account == null) {
                throw new BadCredentialsException("not an account name");
            }
            Authentication signedIn = passwords.authenticate(attempt);
            throttle.signedIn(account, address);
            return signedIn;
        } catch (AuthenticationException failed) {
            throw throttle.signInFailed(account, address).<AuthenticationException>map(SignInHeld::new).orElse(failed);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** A sign-in refused by the throttle: locked, or too soon after the last failure. */
    static final class SignInHeld extends AuthenticationException {

        private final transient SignInThrottle.Hold hold;

        SignInHeld(SignInThrottle.Hold hold) {
            super((hold.locked() ? "locked" : "held") + " until " + hold.until());
            this.hold = hold;
        }

        SignInThrottle.Hold hold() {
            return hold;
        }
    }
}
