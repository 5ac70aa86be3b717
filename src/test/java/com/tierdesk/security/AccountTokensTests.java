package com.tierdesk.security;

import static com.tierdesk.security.TestAccounts.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.AuditTrail;
import com.tierdesk.EnglishAnswers;
import com.tierdesk.shared.InvalidInput;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Every token belongs to an account, acts as it, and never with more than the account's role. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EnglishAnswers.class)
class AccountTokensTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    TestAccounts testAccounts;
    UserAccount admin;
    RequestPostProcessor adminSession;

    @BeforeEach
    void anAdministrator() {
        testAccounts = new TestAccounts(accounts, tokens);
        admin = testAccounts.person(Role.ADMIN);
        adminSession = user(admin.username()).roles("ADMIN");
    }

    @Test
    void anAdministratorCreatesAServiceAccountAndIssuesItATokenThatActsUnderItsName() throws Exception {
        String name = "erp-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/service-accounts").with(adminSession).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"displayName\": \"ERP 集成\", \"role\": \"AGENT\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("SERVICE"))
                .andExpect(jsonPath("$.role").value("AGENT"));
        String plaintext = mvc.perform(post("/api/v1/tokens").with(adminSession).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"orders feed\", \"account\": \"" + name + "\", \"role\": \"AGENT\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token.account").value(name))
                .andExpect(jsonPath("$.token.createdBy").value(admin.username()))
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"plaintext\":\"([^\"]+)\".*", "$1");

        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + plaintext))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.displayName").value("ERP 集成"))
                .andExpect(jsonPath("$.token").value("orders feed"));
        assertThat(AuditTrail.about(jdbc, "account:" + name)).anySatisfy(event -> {
            assertThat(event.actor()).isEqualTo(admin.username());
            assertThat(event.action()).isEqualTo("SERVICE_ACCOUNT_CREATED");
        });
    }

    @Test
    void aTokenWithAHigherRoleThanItsAccountIsRefused() throws Exception {
        UserAccount agent = testAccounts.service(Role.AGENT);
        long before = tokenCount();

        mvc.perform(post("/api/v1/tokens").with(adminSession).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"too strong\", \"account\": \"" + agent.username() + "\", \"role\": \"SUPERVISOR\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
        mvc.perform(post("/api/v1/tokens").with(adminSession).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"QA beside agent\", \"account\": \"" + agent.username() + "\", \"role\": \"QA\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/tokens").with(adminSession).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"nobody's\", \"account\": \"nobody-" + UUID.randomUUID() + "\", \"role\": \"AGENT\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("account"));

        assertThat(tokenCount()).isEqualTo(before);
    }

    @Test
    void loweringAnAccountsRoleCapsItsTokensAndDisablingItStopsThem() throws Exception {
        UserAccount crm = testAccounts.service(Role.SUPERVISOR);
        IssuedToken supervisorToken = testAccounts.token(crm, Role.SUPERVISOR);
        IssuedToken seniorToken = testAccounts.token(crm, Role.SENIOR_AGENT);
        IssuedToken qaToken = testAccounts.token(crm, Role.QA);
        me(supervisorToken).andExpect(jsonPath("$.role").value("SUPERVISOR"));

        change(crm, "{\"role\": \"SENIOR_AGENT\"}").andExpect(status().isOk()).andExpect(jsonPath("$.role").value("SENIOR_AGENT"));
        me(supervisorToken).andExpect(jsonPath("$.role").value("SENIOR_AGENT"));
        me(qaToken).andExpect(status().isUnauthorized());

        change(crm, "{\"role\": \"ACCOUNT_MANAGER\"}").andExpect(status().isOk());
        me(seniorToken).andExpect(jsonPath("$.role").value("AGENT"));
        mvc.perform(post("/api/v1/tiering/runs").header(HttpHeaders.AUTHORIZATION, bearer(supervisorToken))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());

        change(crm, "{\"enabled\": false}").andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        me(supervisorToken).andExpect(status().isUnauthorized());
        me(seniorToken).andExpect(status().isUnauthorized());

        change(crm, "{\"enabled\": true, \"role\": \"SUPERVISOR\"}").andExpect(status().isOk());
        me(supervisorToken).andExpect(status().isOk()).andExpect(jsonPath("$.role").value("SUPERVISOR"));
        // read by subject: other tests leave entries dated years ahead, which a window of the most recent would show first
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE subject = :subject ORDER BY id DESC")
                .param("subject", "account:" + crm.username()).query(String.class).list())
                .containsExactly("ACCOUNT_ENABLED", "ACCOUNT_ROLE_CHANGED", "ACCOUNT_DISABLED", "ACCOUNT_ROLE_CHANGED",
                        "ACCOUNT_ROLE_CHANGED", "SERVICE_ACCOUNT_CREATED");
    }

    @Test
    void nobodyChangesTheirOwnAccountAndOnlyAdministratorsChangeAccounts() throws Exception {
        mvc.perform(patch("/api/v1/accounts/{name}", admin.username()).with(adminSession).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": false}"))
                .andExpect(status().isConflict());
        UserAccount supervisor = testAccounts.person(Role.SUPERVISOR);
        mvc.perform(patch("/api/v1/accounts/{name}", supervisor.username()).with(user("x").roles("SUPERVISOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\": \"ADMIN\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(patch("/api/v1/accounts/{name}", "nobody-" + UUID.randomUUID()).with(adminSession).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": false}"))
                .andExpect(status().isNotFound());

        assertThat(accounts.find(admin.username())).map(UserAccount::enabled).contains(true);
        assertThat(accounts.find(supervisor.username())).map(UserAccount::role).contains(Role.SUPERVISOR);
    }

    @Test
    void aServiceAccountHasNoPasswordAndCannotSignIn() throws Exception {
        UserAccount service = testAccounts.service(Role.SUPERVISOR);

        mvc.perform(formLogin().user(service.username()).password("")).andExpect(unauthenticated());
        mvc.perform(formLogin().user(service.username()).password("null")).andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.sql("SELECT password_hash FROM user_account WHERE username = ?").param(service.username())
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void namesWithControlCharactersOrHalfCharactersAreRefusedAndNothingIsStored() throws Exception {
        UserAccount erp = testAccounts.service(Role.AGENT);
        long before = tokenCount();

        assertThatThrownBy(() -> tokens.issue(NewToken.api(erp.username(), "bell\u0007", Role.AGENT, null), "tester"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("name: must not contain control characters");
        assertThatThrownBy(() -> tokens.issue(NewToken.api(erp.username(), "half \uD83D", Role.AGENT, null), "tester"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("name: must not contain a lone surrogate");
        assertThatThrownBy(() -> accounts.createServiceAccount("crm-" + UUID.randomUUID().toString().substring(0, 8),
                "CRM\u0000", Role.AGENT, "tester"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("displayName: must not contain control characters");
        assertThatThrownBy(() -> accounts.createServiceAccount("crm\nsync", "CRM", Role.AGENT, "tester"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("name: must be 2-64 letters");
        mvc.perform(post("/admin/tokens").param("lang", "en").with(adminSession).with(csrf())
                        .param("name", "tab\u001Bescape").param("account", erp.username()).param("scope", "API").param("role", "AGENT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("must not contain control characters")));

        assertThat(tokenCount()).isEqualTo(before);
    }

    @Test
    void theConsoleCreatesDisablesAndEnablesServiceAccountsAndIssuesTheirTokens() throws Exception {
        String name = "wms-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/admin/service-accounts").with(adminSession).with(csrf())
                        .param("name", name).param("displayName", "仓储系统").param("role", "AGENT"))
                .andExpect(redirectedUrl("/admin/tokens"));
        mvc.perform(get("/admin/tokens").with(adminSession))
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("仓储系统")));
        mvc.perform(post("/admin/tokens").param("lang", "en").with(adminSession).with(csrf())
                        .param("name", "stock feed").param("account", name).param("scope", "API").param("role", "AGENT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"issued-token\"")));
        assertThat(tokens.list()).filteredOn(token -> token.account().equals(name))
                .singleElement().extracting(ApiToken::createdBy).isEqualTo(admin.username());

        mvc.perform(post("/admin/service-accounts/{name}/disable", name).with(adminSession).with(csrf()))
                .andExpect(redirectedUrl("/admin/tokens"));
        assertThat(accounts.find(name)).map(UserAccount::enabled).contains(false);
        mvc.perform(post("/admin/tokens").param("lang", "en").with(adminSession).with(csrf())
                        .param("name", "after disabling").param("account", name).param("scope", "API").param("role", "AGENT"))
                .andExpect(content().string(containsString("is disabled")));
        mvc.perform(post("/admin/service-accounts/{name}/enable", name).with(adminSession).with(csrf()));
        assertThat(accounts.find(name)).map(UserAccount::enabled).contains(true);
        mvc.perform(post("/admin/service-accounts").with(user("sup").roles("SUPERVISOR")).with(csrf())
                        .param("name", name + "x").param("displayName", "x").param("role", "AGENT"))
                .andExpect(status().isForbidden());
    }

    private ResultActions me(IssuedToken token) throws Exception {
        return mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(token)));
    }

    private ResultActions change(UserAccount account, String body) throws Exception {
        return mvc.perform(patch("/api/v1/accounts/{name}", account.username()).with(adminSession).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long tokenCount() {
        return jdbc.sql("SELECT COUNT(*) FROM api_token").query(Long.class).single();
    }
}
