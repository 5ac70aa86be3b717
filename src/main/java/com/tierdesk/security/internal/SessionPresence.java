package com.tierdesk.security.internal;

import com.tierdesk.security.People;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.session.SessionDestroyedEvent;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * A console session sets its person's presence: signing in makes them available, signing out or the session
 * expiring signs them out.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SessionPresence {

    private final People people;

    SessionPresence(People people) {
        this.people = people;
    }

    /** Publishes the servlet container's session ends as events, so that an expired session signs its person out. */
    @Bean
    static HttpSessionEventPublisher sessionEvents() {
        return new HttpSessionEventPublisher();
    }

    SavedRequestAwareAuthenticationSuccessHandler onSignIn() {
        return new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws IOException, ServletException {
                people.signedIn(authentication.getName());
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    LogoutHandler onSignOut() {
        return (request, response, authentication) -> {
            if (authentication != null) {
                people.signedOut(authentication.getName());
            }
        };
    }

    @EventListener
    void sessionEnded(SessionDestroyedEvent ended) {
        for (SecurityContext context : ended.getSecurityContexts()) {
            if (context.getAuthentication() != null) {
                people.signedOut(context.getAuthentication().getName());
            }
        }
    }
}
