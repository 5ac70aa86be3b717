package com.tierdesk.security.internal;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.tierdesk.security.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may change what: the role each write (and each console page that only prepares one) needs, checked in the
 * filter chain, so that a caller without it is refused (403) before its request body is read, let alone validated.
 * One list for the API and one for the same operations in the console, with the same roles (docs/operations.md, "Who
 * may do what"). An API write missing from the list is refused to everybody, so a new endpoint needs its line here
 * before anyone can use it. The console asks the same lists before it offers an action ({@link #permits}).
 */
public final class AccessRules {

    /** A write that changes nothing (checking a model, calculating a deadline): open to every role. */
    private static final Role EVERY_ROLE = null;

    /** Every role: reading the API needs one, so a metrics token, which has none, reads nothing there. */
    static final String[] ROLES = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);

    /** @param method {@code null} for every method; @param role {@code null} for every role */
    record Rule(HttpMethod method, String path, Role role) {
    }

    static final List<Rule> API = List.of(
            new Rule(POST, "/api/v1/imports/**", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/customers/*/tier-overrides", Role.ACCOUNT_MANAGER),
            new Rule(POST, "/api/v1/customers", Role.AGENT),
            new Rule(PUT, "/api/v1/customers/*", Role.AGENT),
            new Rule(POST, "/api/v1/customers/*/tags", Role.AGENT),
            new Rule(PUT, "/api/v1/customers/*/tags/*", Role.AGENT),
            new Rule(DELETE, "/api/v1/customers/*/tags/*", Role.AGENT),
            new Rule(PUT, "/api/v1/customer-labels/*/*", Role.SUPERVISOR),
            new Rule(DELETE, "/api/v1/customer-labels/*/*", Role.SUPERVISOR),
            new Rule(PUT, "/api/v1/orders/*", Role.AGENT),
            new Rule(POST, "/api/v1/orders/*/refunds", Role.SUPERVISOR),
            new Rule(PUT, "/api/v1/interactions/*", Role.AGENT),
            new Rule(POST, "/api/v1/tiering/runs", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/tiering/checks", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/tiering/runs/*/approve", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/tiering/runs/*/reject", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/tiering/runs/*/publish", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/tiering/models/validate", EVERY_ROLE),
            new Rule(POST, "/api/v1/tiering/models", Role.SUPERVISOR),
            new Rule(PUT, "/api/v1/tiering/models/*", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/tiering/models/*/activate", Role.SUPERVISOR),
            new Rule(PUT, "/api/v1/tiering/tiers", Role.ADMIN),
            new Rule(PUT, "/api/v1/tiering/industry-growth/*/*", Role.SUPERVISOR),
            new Rule(DELETE, "/api/v1/tiering/industry-growth/*/*", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/tiering/overrides/*/approve", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/tiering/overrides/*/reject", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/tiering/overrides/*/revoke", Role.SUPERVISOR),
            new Rule(PUT, "/api/v1/sla/calendars/*", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/sla/calendars/*/holidays", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/sla/calendars/*/public-holidays", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/sla/policies", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/sla/deadlines", EVERY_ROLE),
            new Rule(POST, "/api/v1/sla/deadlines/duration", EVERY_ROLE),
            new Rule(POST, "/api/v1/sla/clocks", EVERY_ROLE),
            new Rule(POST, "/api/v1/tickets", Role.AGENT),
            new Rule(POST, "/api/v1/tickets/bulk", Role.AGENT),
            new Rule(POST, "/api/v1/tickets/*/merge", Role.AGENT),
            new Rule(POST, "/api/v1/ticket-views", Role.AGENT),
            new Rule(PATCH, "/api/v1/ticket-views/*", Role.AGENT),
            new Rule(DELETE, "/api/v1/ticket-views/*", Role.AGENT),
            new Rule(PATCH, "/api/v1/tickets/*", Role.AGENT),
            new Rule(POST, "/api/v1/tickets/*/messages", Role.AGENT),
            new Rule(POST, "/api/v1/tickets/*/status", Role.AGENT),
            new Rule(POST, "/api/v1/tickets/*/assignee", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/tickets/*/assignment", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/tickets/*/complaint/**", Role.AGENT),
            new Rule(POST, "/api/v1/tickets/*/followers", Role.AGENT),
            new Rule(DELETE, "/api/v1/tickets/*/followers/*", Role.AGENT),
            new Rule(POST, "/api/v1/returns", Role.AGENT),
            new Rule(POST, "/api/v1/returns/*/approve", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/returns/*/reject", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/returns/*/refund", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/returns/*/receive", Role.AGENT),
            new Rule(POST, "/api/v1/returns/*/inspect", Role.AGENT),
            new Rule(POST, "/api/v1/returns/*/exchange", Role.AGENT),
            new Rule(POST, "/api/v1/tasks/*/complete", Role.AGENT),
            new Rule(POST, "/api/v1/knowledge/**", Role.SUPERVISOR),
            new Rule(PUT, "/api/v1/knowledge/**", Role.SUPERVISOR),
            new Rule(DELETE, "/api/v1/knowledge/**", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/tasks/*/take", Role.SUPERVISOR),
            new Rule(POST, "/api/v1/mail/triage/*/link", Role.AGENT),
            new Rule(GET, "/api/v1/mail/attachments/*", Role.AGENT),
            new Rule(PUT, "/api/v1/me/presence", EVERY_ROLE),
            new Rule(null, "/api/v1/tokens/**", Role.ADMIN),
            new Rule(null, "/api/v1/accounts/**", Role.ADMIN),
            new Rule(null, "/api/v1/service-accounts/**", Role.ADMIN),
            new Rule(null, "/api/v1/customer-owners/**", Role.ADMIN),
            new Rule(GET, "/api/v1/event-publications", Role.ADMIN));

    static final List<Rule> CONSOLE = List.of(
            new Rule(POST, "/imports", Role.SUPERVISOR),
            new Rule(POST, "/customer-labels", Role.SUPERVISOR),
            new Rule(POST, "/customer-labels/delete", Role.SUPERVISOR),
            new Rule(POST, "/tasks/*/complete", Role.AGENT),
            new Rule(GET, "/knowledge/articles/new", Role.SUPERVISOR),
            new Rule(GET, "/knowledge/articles/*/edit", Role.SUPERVISOR),
            new Rule(GET, "/knowledge/templates/new", Role.SUPERVISOR),
            new Rule(GET, "/knowledge/templates/*/edit", Role.SUPERVISOR),
            new Rule(POST, "/knowledge/**", Role.SUPERVISOR),
            new Rule(POST, "/tasks/*/take", Role.SUPERVISOR),
            new Rule(GET, "/tasks/all", Role.SUPERVISOR),
            new Rule(GET, "/tasks/pool", Role.SUPERVISOR),
            new Rule(GET, "/tickets/all", Role.SUPERVISOR),
            new Rule(GET, "/tickets/unassigned", Role.SUPERVISOR),
            new Rule(GET, "/tickets/board", Role.SUPERVISOR),
            new Rule(GET, "/tickets/new", Role.AGENT),
            new Rule(POST, "/tickets", Role.AGENT),
            new Rule(POST, "/tickets/*/assignee", Role.SUPERVISOR),
            new Rule(POST, "/tickets/*/assignment", Role.SUPERVISOR),
            new Rule(POST, "/tickets/*/**", Role.AGENT),
            new Rule(POST, "/returns/*/approve", Role.SUPERVISOR),
            new Rule(POST, "/returns/*/reject", Role.SUPERVISOR),
            new Rule(POST, "/returns/*/refund", Role.SUPERVISOR),
            new Rule(POST, "/returns/*/**", Role.AGENT),
            new Rule(POST, "/tiering/runs", Role.SUPERVISOR),
            new Rule(POST, "/tiering/checks", Role.SUPERVISOR),
            new Rule(POST, "/tiering/runs/*/approve", Role.SUPERVISOR),
            new Rule(POST, "/tiering/runs/*/reject", Role.SUPERVISOR),
            new Rule(POST, "/tiering/runs/*/publish", Role.SUPERVISOR),
            new Rule(POST, "/tiering/models/validate", EVERY_ROLE),
            new Rule(POST, "/tiering/models", Role.SUPERVISOR),
            new Rule(GET, "/tiering/models/new", Role.SUPERVISOR),
            new Rule(GET, "/tiering/models/*/edit", Role.SUPERVISOR),
            new Rule(POST, "/tiering/models/*", Role.SUPERVISOR),
            new Rule(POST, "/tiering/models/*/activate", Role.SUPERVISOR),
            new Rule(POST, "/tiering/industry-growth", Role.SUPERVISOR),
            new Rule(POST, "/tiering/industry-growth/delete", Role.SUPERVISOR),
            new Rule(POST, "/tiering/overrides/*/approve", Role.SUPERVISOR),
            new Rule(POST, "/tiering/overrides/*/reject", Role.SUPERVISOR),
            new Rule(POST, "/tiering/overrides/*/revoke", Role.SUPERVISOR),
            new Rule(POST, "/tiering/customers/*/overrides", Role.ACCOUNT_MANAGER),
            new Rule(POST, "/sla/calendars", Role.SUPERVISOR),
            new Rule(POST, "/sla/calendars/*", Role.SUPERVISOR),
            new Rule(POST, "/sla/calendars/*/import", Role.SUPERVISOR),
            new Rule(POST, "/sla/calendars/*/public-holidays", Role.SUPERVISOR),
            new Rule(POST, "/sla/policies", Role.SUPERVISOR),
            new Rule(null, "/admin/**", Role.ADMIN));

    /** Paths open without signing in, in the console's chain. */
    static final String[] OPEN_PATHS = {
            "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
            "/returns/new", "/returns/new/code", "/returns/new/verify", "/returns/new/request"};

    /** Writes a mail gateway makes without an account: the controller checks their HMAC signature instead. */
    static final String[] SIGNED_PATHS = {"/api/v1/mail/inbound"};

    private static final String API_PATHS = "/api/**";
    private static final Set<HttpMethod> WRITES = Set.of(POST, PUT, PATCH, DELETE);

    private AccessRules() {
    }

    /**
     * Whether a person or token with the role may call the method on the path, decided as the filter chains decide:
     * under {@code /api/} the first API rule that matches, a write without one refused, any other request open to
     * every role; elsewhere the open paths, then the first console rule that matches, then every role. The console
     * asks this before it offers a link, a button or a form ({@link com.tierdesk.security.ConsoleAccess}).
     */
    public static boolean permits(Role role, HttpMethod method, String path) {
        PathContainer target = PathContainer.parsePath(path);
        if (matches(API_PATHS, target)) {
            return decide(API, role, method, target).orElse(!WRITES.contains(method));
        }
        if (Arrays.stream(OPEN_PATHS).anyMatch(open -> matches(open, target))) {
            return true;
        }
        return decide(CONSOLE, role, method, target).orElse(true);
    }

    private static Optional<Boolean> decide(List<Rule> rules, Role role, HttpMethod method, PathContainer target) {
        return rules.stream()
                .filter(rule -> (rule.method() == null || rule.method().equals(method)) && matches(rule.path(), target))
                .findFirst()
                .map(rule -> rule.role() == EVERY_ROLE || role.includes(rule.role()));
    }

    private static boolean matches(String pattern, PathContainer target) {
        return PathPatternParser.defaultInstance.parse(pattern).matches(target);
    }

    static void apply(List<Rule> rules,
                      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        for (Rule rule : rules) {
            var matched = rule.method() == null ? requests.requestMatchers(rule.path())
                    : requests.requestMatchers(rule.method(), rule.path());
            if (rule.role() == EVERY_ROLE) {
                matched.hasAnyRole(ROLES);
            } else {
                matched.hasRole(rule.role().name());
            }
        }
    }
}
