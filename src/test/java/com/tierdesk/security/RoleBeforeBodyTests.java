package com.tierdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role is checked in the filter chain, before the body is read: a caller without the role gets 403 for a body
 * that is not even JSON, where a caller with it gets the 400 that the body deserves.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleBeforeBodyTests {

    private static final String NOT_JSON = "{\"half\": ";
    /** Writes a mail gateway makes: signed instead of signed in, so they answer 401 to any role without a signature. */
    private static final Set<String> SIGNED = Set.of("POST /api/v1/mail/inbound");

    private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
            RequestMethod.DELETE);

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final Map<Role, IssuedToken> tokenOf = new EnumMap<>(Role.class);

    @BeforeAll
    void oneTokenPerRole() {
        var testAccounts = new TestAccounts(accounts, tokens);
        for (Role role : Role.values()) {
            tokenOf.put(role, testAccounts.token(testAccounts.service(role), role));
        }
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @CsvSource({
            "POST,   /api/v1/customers,                          QA",
            "PUT,    /api/v1/customers/C1,                       QA",
            "POST,   /api/v1/customers/C1/tags,                  QA",
            "PUT,    /api/v1/orders/O1,                          QA",
            "PUT,    /api/v1/interactions/I1,                    QA",
            "POST,   /api/v1/imports/customers,                  SENIOR_AGENT",
            "POST,   /api/v1/tiering/runs,                       ACCOUNT_MANAGER",
            "POST,   /api/v1/tiering/runs/1/approve,             ACCOUNT_MANAGER",
            "POST,   /api/v1/tiering/runs/1/reject,              QA",
            "POST,   /api/v1/tiering/models,                     SENIOR_AGENT",
            "PUT,    /api/v1/tiering/models/1,                   SENIOR_AGENT",
            "PUT,    /api/v1/tiering/tiers,                      SUPERVISOR",
            "PUT,    /api/v1/tiering/industry-growth/retail/2026, AGENT",
            "POST,   /api/v1/customers/C1/tier-overrides,        SENIOR_AGENT",
            "POST,   /api/v1/tiering/overrides/1/approve,        ACCOUNT_MANAGER",
            "POST,   /api/v1/tiering/overrides/1/reject,         ACCOUNT_MANAGER",
            "PUT,    /api/v1/sla/calendars/CN,                   AGENT",
            "POST,   /api/v1/sla/calendars/CN/holidays,          AGENT",
            "POST,   /api/v1/sla/policies,                       QA",
            "POST,   /api/v1/tasks/1/complete,                   QA",
            "POST,   /api/v1/knowledge/articles,                 SENIOR_AGENT",
            "PUT,    /api/v1/knowledge/articles/1,               AGENT",
            "POST,   /api/v1/knowledge/articles/1/publish,       ACCOUNT_MANAGER",
            "PUT,    /api/v1/knowledge/templates/1,              QA",
            "POST,   /api/v1/tickets/1/assignee,                 ACCOUNT_MANAGER",
            "POST,   /api/v1/tickets/1/followers,                QA",
            "POST,   /api/v1/tokens,                             SUPERVISOR",
            "POST,   /api/v1/service-accounts,                   SUPERVISOR",
            "PATCH,  /api/v1/accounts/somebody,                  SUPERVISOR"})
    void aCallerWithoutTheRoleIsRefusedBeforeTheBodyIsRead(String method, String path, Role tooLow) throws Exception {
        send(method, path, tooLow)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].code").value("problem.access.role"));
        assertThat(send(method, path, Role.ADMIN).andReturn().getResponse().getStatus()).isIn(400, 415);
    }

    @ParameterizedTest(name = "POST {0}: not as {1}, as {2}")
    @CsvSource({
            "/imports,                         SENIOR_AGENT,    SUPERVISOR",
            "/tasks/1/complete,                QA,              AGENT",
            "/knowledge/articles,              SENIOR_AGENT,    SUPERVISOR",
            "/knowledge/templates/1,           AGENT,           SUPERVISOR",
            "/tickets/1/assignee,              SENIOR_AGENT,    SUPERVISOR",
            "/tiering/runs,                    ACCOUNT_MANAGER, SUPERVISOR",
            "/tiering/runs/1/approve,          QA,              SUPERVISOR",
            "/tiering/customers/C1/overrides,  SENIOR_AGENT,    ACCOUNT_MANAGER",
            "/tiering/overrides/1/approve,     ACCOUNT_MANAGER, SUPERVISOR",
            "/tiering/models,                  SENIOR_AGENT,    SUPERVISOR",
            "/sla/calendars,                   AGENT,           SUPERVISOR",
            "/sla/policies,                    QA,              SUPERVISOR",
            "/admin/service-accounts,          SUPERVISOR,      ADMIN"})
    void theConsoleAsksForTheSameRolesAsTheApi(String path, Role tooLow, Role enough) throws Exception {
        mvc.perform(post(path).with(user("console-" + tooLow).roles(tooLow.name())).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(mvc.perform(post(path).with(user("console-" + enough).roles(enough.name())).with(csrf()))
                .andReturn().getResponse().getStatus()).isNotIn(401, 403);
    }

    @Test
    void everyApiWriteHasARuleThatLetsAnAdministratorPastTheFilterChain() throws Exception {
        List<String> unruled = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (var mapping : mappings.getHandlerMethods().keySet()) {
            for (String pattern : mapping.getPatternValues()) {
                for (RequestMethod method : mapping.getMethodsCondition().getMethods()) {
                    if (pattern.startsWith("/api/") && WRITES.contains(method) && !SIGNED.contains(method + " " + pattern)) {
                        String path = pattern.replaceAll("\\{[^}]+}", "1");
                        checked.add(method + " " + pattern);
                        int status = send(method.name(), path, Role.ADMIN).andReturn().getResponse().getStatus();
                        if (status == 401 || status == 403) {
                            unruled.add(method + " " + pattern + " -> " + status);
                        }
                    }
                }
            }
        }
        assertThat(checked).contains("POST /api/v1/tiering/runs", "PUT /api/v1/orders/{externalId}", "PATCH /api/v1/accounts/{name}")
                .hasSizeGreaterThan(30);
        assertThat(unruled).as("API writes refused to an administrator: each needs a line in AccessRules").isEmpty();
    }

    @Test
    void anApiWriteWithoutARuleIsRefusedToEverybody() throws Exception {
        send("POST", "/api/v1/not-an-endpoint", Role.ADMIN).andExpect(status().isForbidden());
        send("GET", "/api/v1/not-an-endpoint", Role.ADMIN).andExpect(status().isNotFound());
    }

    private ResultActions send(String method, String path, Role role) throws Exception {
        return mvc.perform(request(HttpMethod.valueOf(method), path)
                .header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(tokenOf.get(role)))
                .contentType("application/json").content(NOT_JSON));
    }
}
