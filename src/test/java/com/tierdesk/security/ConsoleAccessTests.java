package com.tierdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;

/** What the console offers comes from the filter chains' own table, and the console and the API agree on who may. */
@SpringBootTest
@AutoConfigureMockMvc
class ConsoleAccessTests {

    record Call(HttpMethod method, String path) {
    }

    /** Each console action and the API call that does the same. */
    static final List<List<Call>> SAME_ACTION = List.of(
            List.of(new Call(POST, "/imports"), new Call(POST, "/api/v1/imports/customers")),
            List.of(new Call(POST, "/tasks/7/complete"), new Call(POST, "/api/v1/tasks/7/complete")),
            List.of(new Call(POST, "/tasks/7/take"), new Call(POST, "/api/v1/tasks/7/take")),
            List.of(new Call(POST, "/tiering/runs"), new Call(POST, "/api/v1/tiering/runs")),
            List.of(new Call(POST, "/tiering/checks"), new Call(POST, "/api/v1/tiering/checks")),
            List.of(new Call(POST, "/tiering/runs/3/approve"), new Call(POST, "/api/v1/tiering/runs/3/approve")),
            List.of(new Call(POST, "/tiering/runs/3/reject"), new Call(POST, "/api/v1/tiering/runs/3/reject")),
            List.of(new Call(POST, "/tiering/runs/3/publish"), new Call(POST, "/api/v1/tiering/runs/3/publish")),
            List.of(new Call(POST, "/tiering/models/validate"), new Call(POST, "/api/v1/tiering/models/validate")),
            List.of(new Call(POST, "/tiering/models"), new Call(POST, "/api/v1/tiering/models")),
            List.of(new Call(POST, "/tiering/models/5"), new Call(PUT, "/api/v1/tiering/models/5")),
            List.of(new Call(POST, "/tiering/models/5/activate"), new Call(POST, "/api/v1/tiering/models/5/activate")),
            List.of(new Call(POST, "/tiering/industry-growth"), new Call(PUT, "/api/v1/tiering/industry-growth/retail/2026")),
            List.of(new Call(POST, "/tiering/industry-growth/delete"),
                    new Call(DELETE, "/api/v1/tiering/industry-growth/retail/2026")),
            List.of(new Call(POST, "/tiering/overrides/9/approve"), new Call(POST, "/api/v1/tiering/overrides/9/approve")),
            List.of(new Call(POST, "/tiering/overrides/9/reject"), new Call(POST, "/api/v1/tiering/overrides/9/reject")),
            List.of(new Call(POST, "/tiering/overrides/9/revoke"), new Call(POST, "/api/v1/tiering/overrides/9/revoke")),
            List.of(new Call(POST, "/tiering/customers/C1/overrides"), new Call(POST, "/api/v1/customers/C1/tier-overrides")),
            List.of(new Call(POST, "/sla/calendars/CN/import"), new Call(POST, "/api/v1/sla/calendars/CN/holidays")),
            List.of(new Call(POST, "/sla/calendars/CN/public-holidays"),
                    new Call(POST, "/api/v1/sla/calendars/CN/public-holidays")),
            List.of(new Call(POST, "/sla/policies"), new Call(POST, "/api/v1/sla/policies")),
            List.of(new Call(GET, "/admin/tokens"), new Call(GET, "/api/v1/tokens")));

    @Autowired
    ConsoleAccess access;

    @Autowired
    MockMvc mvc;

    @Test
    void theConsoleAndTheApiAgreeOnWhoMay() {
        for (Role role : Role.values()) {
            for (List<Call> calls : SAME_ACTION) {
                Call console = calls.get(0);
                Call api = calls.get(1);
                assertThat(access.may(role, console.method(), console.path())).as("%s: %s and %s", role, console, api)
                        .isEqualTo(access.may(role, api.method(), api.path()));
            }
        }
    }

    @Test
    void followsTheRoleHierarchy() {
        assertThat(access.may(Role.AGENT, POST, "/imports")).isFalse();
        assertThat(access.may(Role.SUPERVISOR, POST, "/imports")).isTrue();
        assertThat(access.may(Role.ADMIN, POST, "/imports")).as("above the supervisor").isTrue();
        assertThat(access.may(Role.SUPERVISOR, POST, "/tiering/customers/C1/overrides")).as("above the account manager").isTrue();
        assertThat(access.may(Role.QA, POST, "/tiering/customers/C1/overrides")).isFalse();
        assertThat(access.may(Role.QA, POST, "/tiering/models/validate")).as("a check open to every role").isTrue();
        assertThat(access.may(Role.AGENT, GET, "/customers")).as("a page every role reads").isTrue();
        assertThat(access.may(Role.AGENT, POST, "/api/v1/nothing-here")).as("an API write without a rule").isFalse();
        assertThat(access.may(Role.SUPERVISOR, GET, "/api/v1/event-publications")).isFalse();
        assertThat(access.may(null, GET, "/customers")).as("no role, nothing offered").isFalse();
    }

    /** Where the table says no, the filter chain says no too, before any body is read. */
    @Test
    void whatIsNotOfferedIsRefused() throws Exception {
        for (Role role : Role.values()) {
            for (List<Call> calls : SAME_ACTION) {
                for (Call call : calls) {
                    if (!access.may(role, call.method(), call.path())) {
                        mvc.perform(request(call.method(), call.path()).with(user("someone").roles(role.name())).with(csrf()))
                                .andExpect(status().isForbidden());
                    }
                }
            }
        }
    }
}
