package com.tierdesk.security.internal;

import com.tierdesk.security.ApiTokens;
import com.tierdesk.shared.BusinessTime;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Three filter chains: {@code /actuator/**} (health and info open, metrics for metrics tokens only), {@code /api/**}
 * for integrations (API tokens, problem-detail 401/403/429, no sessions created) and everything else for the
 * console (throttled form login, CSRF, redirects to the login page); a person who must choose a new password is held
 * on the password page in both ({@link PasswordChangeGate}). Every write is authorised here, by URL
 * ({@link AccessRules}), before the request body is read; the modules' {@code @PreAuthorize} stay as a second check
 * next to their endpoints.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    @Order(1)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, ApiTokens tokens, SignInThrottle throttle, ProblemResponses problems) {
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasAuthority(ApiTokenAuthentication.METRICS))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, throttle, problems), UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, SignInThrottle throttle, ProblemResponses problems) {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(HttpMethod.POST, AccessRules.SIGNED_PATHS).permitAll();
                    AccessRules.apply(AccessRules.API, requests);
                    for (HttpMethod write : new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
                        requests.requestMatchers(write, "/api/**").denyAll();
                    }
                    requests.anyRequest().hasAnyRole(AccessRules.ROLES);
                })
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, throttle, problems), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(PasswordChangeGate.api(problems), AuthorizationFilter.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(AbstractHttpConfigurer::disable)
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::browserSessionWrite))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain consoleSecurity(HttpSecurity http, AccountUserDetailsService people, PasswordEncoder encoder,
                                        SignInThrottle throttle, BusinessTime time, SessionPresence presence) {
        var passwords = new DaoAuthenticationProvider(people);
        passwords.setPasswordEncoder(encoder);
        return http
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(AccessRules.OPEN_PATHS).permitAll();
                    AccessRules.apply(AccessRules.CONSOLE, requests);
                    requests.anyRequest().authenticated();
                })
                .addFilterBefore(PasswordChangeGate.console(), AuthorizationFilter.class)
                .authenticationManager(new ProviderManager(new ThrottledSignIn(passwords, throttle)))
                .formLogin(login -> login.loginPage("/login").successHandler(presence.onSignIn())
                        .failureHandler(new SignInFailures(time)).permitAll())
                .logout(logout -> logout.addLogoutHandler(presence.onSignOut()).logoutSuccessUrl("/login?logout").permitAll())
                .build();
    }

    /**
     * Token clients cannot be forged cross-site, so they need no CSRF token. A browser riding on a console
     * session can be, so its writes to the API need one, exactly as console forms do.
     */
    private static boolean browserSessionWrite(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getSession(false) != null;
    }

    /**
     * Spring Security's strict firewall with its header rules written as loops instead of regular expressions, which
     * took a twelfth of an API call's CPU: a header's name and value must still be made of assigned characters that
     * are not control characters.
     */
    @Bean
    HttpFirewall httpFirewall() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(SecurityConfiguration::assignedAndNotControl);
        firewall.setAllowedHeaderValues(SecurityConfiguration::assignedAndNotControl);
        return firewall;
    }

    static boolean assignedAndNotControl(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
