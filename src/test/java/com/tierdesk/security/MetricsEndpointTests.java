package com.tierdesk.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Prometheus scrapes with a metrics token, which opens nothing else; health stays open for the load balancer. */
@SpringBootTest
@AutoConfigureMockMvc
class MetricsEndpointTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Test
    void onlyAMetricsTokenReadsTheMetricsAndItReadsNothingElse() throws Exception {
        var testAccounts = new TestAccounts(accounts, tokens);
        UserAccount monitoring = testAccounts.service(Role.AGENT);
        IssuedToken metrics = tokens.issue(NewToken.metrics(monitoring.username(), "prometheus", null), "tester");
        IssuedToken admin = testAccounts.token(testAccounts.person(Role.ADMIN), Role.ADMIN);

        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        scrape(admin).andExpect(status().isForbidden());
        scrape(metrics).andExpect(status().isOk()).andExpect(content().string(containsString("jvm_memory_used_bytes")));
        mvc.perform(get("/actuator/prometheus").with(user("admin").roles("ADMIN"))).andExpect(status().isForbidden());

        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(metrics))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/customers").header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(metrics))).andExpect(status().isForbidden());

        accounts.change(monitoring.username(), null, false, "tester");
        scrape(metrics).andExpect(status().isUnauthorized());
    }

    @Test
    void anAdministratorIssuesAMetricsTokenWithoutARole() throws Exception {
        UserAccount monitoring = new TestAccounts(accounts, tokens).service(Role.AGENT);

        mvc.perform(post("/api/v1/tokens").with(user("root-admin").roles("ADMIN")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"prometheus\", \"account\": \"" + monitoring.username() + "\", \"scope\": \"METRICS\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token.scope").value("METRICS"))
                .andExpect(jsonPath("$.token.role").doesNotExist());
        mvc.perform(post("/api/v1/tokens").with(user("root-admin").roles("ADMIN")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"prometheus\", \"account\": \"" + monitoring.username()
                                + "\", \"scope\": \"METRICS\", \"role\": \"AGENT\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
    }

    private ResultActions scrape(IssuedToken token) throws Exception {
        return mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(token)));
    }
}
