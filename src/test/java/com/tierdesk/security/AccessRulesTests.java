package com.tierdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.EnglishAnswers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

@SpringBootTest
@AutoConfigureMockMvc
@Import(EnglishAnswers.class)
class AccessRulesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserAccounts accounts;

    @Test
    void apiDocumentationIsReadableWithoutSigningIn() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists())
                .andExpect(jsonPath("$.paths['/api/v1/me']").exists())
                .andExpect(jsonPath("$.components.securitySchemes.apiToken.scheme").value("bearer"));
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/swagger-ui/index.html"));
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }

    @Test
    void healthIsOpenButMetricsNeedAToken() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
    }

    @Test
    void consolePagesRedirectToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/tokens")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void agentIsForbiddenFromTokenAdministration() throws Exception {
        IssuedToken agent = token(Role.AGENT);

        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearer(agent)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(get("/admin/tokens").with(user("agent-" + UUID.randomUUID()).roles("AGENT")))
                .andExpect(status().isForbidden());
    }

    @Test
    void importsNeedASupervisorWhileReadingNeedsAnyRole() throws Exception {
        IssuedToken senior = token(Role.SENIOR_AGENT);
        IssuedToken supervisor = token(Role.SUPERVISOR);
        IssuedToken admin = token(Role.ADMIN);

        mvc.perform(post("/api/v1/imports/customers").header(HttpHeaders.AUTHORIZATION, bearer(senior)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/imports/customers").header(HttpHeaders.AUTHORIZATION, bearer(supervisor)))
                .andExpect(passesSecurity());
        mvc.perform(post("/api/v1/imports/customers").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(passesSecurity());
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(senior))).andExpect(status().isOk());
    }

    @Test
    void adminTokenManagesTokensThroughTheApi() throws Exception {
        IssuedToken admin = token(Role.ADMIN);
        UserAccount erp = testAccounts().service(Role.AGENT);

        String created = mvc.perform(post("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"erp\",\"account\":\"" + erp.username()
                                + "\",\"role\":\"AGENT\",\"expiresAt\":\"2999-01-01T00:00:00Z\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.plaintext").value(startsWith("tdk_")))
                .andExpect(jsonPath("$.token.role").value("AGENT"))
                .andExpect(jsonPath("$.token.account").value(erp.username()))
                .andExpect(jsonPath("$.token.scope").value("API"))
                .andExpect(jsonPath("$.token.createdBy").value(admin.token().account()))
                .andExpect(jsonPath("$.token.status").value("ACTIVE"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));

        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].name").value("erp"))
                .andExpect(content().string(not(containsString("plaintext"))))
                .andExpect(content().string(not(containsString("sha256"))));
        mvc.perform(delete("/api/v1/tokens/" + id).header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/tokens/" + id).header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(jsonPath("$.status").value("REVOKED"));
        mvc.perform(delete("/api/v1/tokens/999999999").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void invalidTokenRequestNamesEveryBadField() throws Exception {
        IssuedToken admin = token(Role.ADMIN);
        UserAccount agent = testAccounts().service(Role.AGENT);

        mvc.perform(post("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\" \",\"account\":\"" + agent.username()
                                + "\",\"role\":\"SUPERVISOR\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[1].field").value("role"))
                .andExpect(jsonPath("$.errors[1].reason").value(containsString("higher than the role of account")))
                .andExpect(jsonPath("$.errors[2].field").value("expiresAt"))
                .andExpect(jsonPath("$.errors[2].reason").value("must be in the future"));
        mvc.perform(post("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"account\":\"" + agent.username() + "\",\"role\":\"KING\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
    }

    @Test
    void consoleSessionReadsTheApiButMustSendCsrfTokenToWrite() throws Exception {
        var session = new MockHttpSession();
        var supervisor = user("sup-" + UUID.randomUUID()).roles("SUPERVISOR");

        mvc.perform(get("/api/v1/me").session(session).with(supervisor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("SUPERVISOR"))
                .andExpect(jsonPath("$.authenticatedBy").value("session"));
        mvc.perform(post("/api/v1/imports/customers").session(session).with(supervisor))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("CSRF")))
                .andExpect(jsonPath("$.errors[0].code").value("problem.access.csrf"));
        mvc.perform(post("/api/v1/imports/customers").session(session).with(supervisor).with(csrf().asHeader()))
                .andExpect(passesSecurity());
    }

    /** The request got past authentication and authorization; what the endpoint then answers is not the point here. */
    private static ResultMatcher passesSecurity() {
        return result -> assertThat(result.getResponse().getStatus()).isNotIn(401, 403);
    }

    private TestAccounts testAccounts() {
        return new TestAccounts(accounts, tokens);
    }

    private IssuedToken token(Role role) {
        return testAccounts().token(testAccounts().person(role), role);
    }

    private static String bearer(IssuedToken token) {
        return TestAccounts.bearer(token);
    }
}
