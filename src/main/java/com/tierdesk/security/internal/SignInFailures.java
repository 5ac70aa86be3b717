package com.tierdesk.security.internal;

import com.tierdesk.shared.BusinessTime;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a refused sign-in back to the login page with the reason it shows: wrong credentials
 * ({@code ?error}), a wait after repeated failures ({@code ?wait=<seconds>}) or a lock of the account or the
 * address ({@code ?locked=account|address&minutes=<n>}).
 */
final class SignInFailures implements AuthenticationFailureHandler {

    private final BusinessTime time;
    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    SignInFailures(BusinessTime time) {
        this.time = time;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        redirects.sendRedirect(request, response, "/login?" + (failure instanceof ThrottledSignIn.SignInHeld held
                ? reason(held.hold()) : "error"));
    }

    private String reason(SignInThrottle.Hold hold) {
        long seconds = Math.max(1, (Duration.between(time.now(), hold.until()).toMillis() + 999) / 1000);
        if (!hold.locked()) {
            return "wait=" + seconds;
        }
        return "locked=" + (hold.kind() == SignInThrottle.Kind.ACCOUNT ? "account" : "address") + "&minutes=" + ((seconds + 59) / 60);
    }
}
