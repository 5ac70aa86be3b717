package com.tierdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.tierdesk.AuditTrail;
import com.tierdesk.EnglishAnswers;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Administrators create people with teams, skills and a cap, change them, disable them and reset their passwords. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EnglishAnswers.class)
class AccountAdministrationApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor admin;
    String name;

    @BeforeEach
    void anAdministrator() {
        UserAccount administrator = new TestAccounts(accounts, tokens).person(Role.ADMIN);
        admin = user(administrator.username()).roles("ADMIN");
        name = "li-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ResultActions create(String body, RequestPostProcessor caller) throws Exception {
        return mvc.perform(post("/api/v1/accounts").with(caller).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String person(String extra) {
        return "{\"name\": \"" + name + "\", \"displayName\": \"李娜\", \"role\": \"AGENT\"" + extra + "}";
    }

    @Test
    void createsAPersonWithTeamsSkillsAndCapAndShowsTheOneTimePasswordOnce() throws Exception {
        String answer = create(person(", \"teams\": [\"华东一组\", \"VIP\"], \"skills\": {\"ticketTypes\": [\"COMPLAINT\"], "
                + "\"languages\": [\"zh\", \"en\"]}, \"dailyCap\": 30"), admin)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.account.teams[0]").value("VIP"))
                .andExpect(jsonPath("$.account.skills.ticketTypes[0]").value("COMPLAINT"))
                .andExpect(jsonPath("$.account.skills.languages.length()").value(2))
                .andExpect(jsonPath("$.account.dailyCap").value(30))
                .andExpect(jsonPath("$.account.presence").value("SIGNED_OUT"))
                .andReturn().getResponse().getContentAsString();
        String password = JsonPath.read(answer, "$.oneTimePassword");

        mvc.perform(formLogin().user(name).password(password)).andExpect(authenticated());
        mvc.perform(get("/api/v1/accounts/" + name).with(admin))
                .andExpect(jsonPath("$.oneTimePassword").doesNotExist())
                .andExpect(jsonPath("$.presence").value("AVAILABLE"));
        assertThat(AuditTrail.about(jdbc, "account:" + name)).extracting(AuditEvent::action).contains("ACCOUNT_CREATED");
    }

    @Test
    void aPersonWithoutACapOfTheirOwnHasTheDefault() throws Exception {
        create(person(""), admin).andExpect(status().isCreated())
                .andExpect(jsonPath("$.account.dailyCap").value(50))
                .andExpect(jsonPath("$.account.ownCap").value(false));
    }

    @Test
    void refusesBadValuesWithTheirFieldsAndWritesNothing() throws Exception {
        create("{\"name\": \"x\", \"displayName\": \"\", \"teams\": [\"\"], \"skills\": {\"ticketTypes\": [\"GOSSIP\"], "
                + "\"languages\": [\"Chinese\"]}, \"dailyCap\": 5000}", admin)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("username",
                        "displayName", "role", "teams", "skills.ticketTypes", "skills.languages", "dailyCap")));
        assertThat(accounts.find("x")).isEmpty();
    }

    @Test
    void aPersonHasAnEmailAddressAndTheLanguageTheyReadAndChoosesAPasswordAtTheFirstSignIn() throws Exception {
        String address = name + "@Example.com";
        create(person(", \"email\": \"" + address + "\", \"language\": \"en\""), admin)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.account.email").value(address))
                .andExpect(jsonPath("$.account.language").value("en"))
                .andExpect(jsonPath("$.account.passwordChangeRequired").value(true));

        mvc.perform(patch("/api/v1/accounts/" + name).with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"language\": \"zh-CN\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(address))
                .andExpect(jsonPath("$.language").value("zh-CN"));
        mvc.perform(patch("/api/v1/accounts/" + name).with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").doesNotExist());
        assertThat(AuditTrail.about(jdbc, "account:" + name)).extracting(AuditEvent::action).contains("ACCOUNT_CONTACT_CHANGED");
    }

    @Test
    void anEmailAddressIsValidAndNoOtherAccountsWhateverItsCase() throws Exception {
        String address = name + "@example.com";
        create(person(", \"email\": \"" + address + "\""), admin).andExpect(status().isCreated());
        String other = name + "-2";

        create("{\"name\": \"" + other + "\", \"displayName\": \"李四\", \"role\": \"AGENT\", \"email\": \""
                + address.toUpperCase() + "\"}", admin)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        assertThat(accounts.find(other)).as("nothing written").isEmpty();
        create("{\"name\": \"" + other + "\", \"displayName\": \"李四\", \"role\": \"AGENT\", "
                + "\"email\": \"not an address\", \"language\": \"fr\"}", admin)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("email",
                        "language")));
        create("{\"name\": \"" + other + "\", \"displayName\": \"李四\", \"role\": \"AGENT\"}", admin)
                .andExpect(status().isCreated());
        mvc.perform(patch("/api/v1/accounts/" + other).with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\": \"SENIOR_AGENT\", \"email\": \" " + address.toUpperCase() + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        assertThat(accounts.find(other).orElseThrow().role()).as("a refused change writes nothing").isEqualTo(Role.AGENT);
        assertThatThrownBy(() -> jdbc.sql("UPDATE user_account SET email = :email WHERE username = :name")
                .param("email", address.toUpperCase()).param("name", other).update())
                .as("the database refuses a racing writer too").isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aTakenNameIsAConflict() throws Exception {
        create(person(""), admin).andExpect(status().isCreated());
        create(person(""), admin).andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("username"));
    }

    @Test
    void changesRoleTeamsSkillsAndCapAndLeavesTheRestAsItWas() throws Exception {
        create(person(", \"teams\": [\"A\"], \"skills\": {\"languages\": [\"zh\"]}"), admin).andExpect(status().isCreated());

        mvc.perform(patch("/api/v1/accounts/" + name).with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\": \"SENIOR_AGENT\", \"skills\": {\"ticketTypes\": [\"INQUIRY\"]}, \"dailyCap\": 12}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("SENIOR_AGENT"))
                .andExpect(jsonPath("$.teams[0]").value("A"))
                .andExpect(jsonPath("$.skills.ticketTypes[0]").value("INQUIRY"))
                .andExpect(jsonPath("$.skills.languages[0]").value("zh"))
                .andExpect(jsonPath("$.dailyCap").value(12));
        assertThat(AuditTrail.about(jdbc, "account:" + name)).extracting(AuditEvent::action).contains("ACCOUNT_STAFFING_CHANGED");
    }

    @Test
    void aBadChangeWritesNothingAtAll() throws Exception {
        create(person(""), admin).andExpect(status().isCreated());

        mvc.perform(patch("/api/v1/accounts/" + name).with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\": \"SUPERVISOR\", \"dailyCap\": -1}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("dailyCap"));
        assertThat(accounts.find(name).orElseThrow().role()).isEqualTo(Role.AGENT);
        mvc.perform(patch("/api/v1/accounts/" + name).with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void aCapOfTheirOwnGoesBackToTheDefaultOnRequest() throws Exception {
        create(person(", \"dailyCap\": 20"), admin).andExpect(status().isCreated());

        mvc.perform(patch("/api/v1/accounts/" + name).with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"defaultCap\": true, \"dailyCap\": 30}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("defaultCap"));
        mvc.perform(patch("/api/v1/accounts/" + name).with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"defaultCap\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dailyCap").value(50))
                .andExpect(jsonPath("$.ownCap").value(false));
    }

    @Test
    void nobodyChangesTheirOwnRole() throws Exception {
        UserAccount administrator = new TestAccounts(accounts, tokens).person(Role.ADMIN);
        mvc.perform(patch("/api/v1/accounts/" + administrator.username()).with(user(administrator.username()).roles("ADMIN"))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"role\": \"AGENT\"}"))
                .andExpect(status().isConflict());
        assertThat(accounts.find(administrator.username()).orElseThrow().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void disablesAndEnablesAPerson() throws Exception {
        create(person(""), admin).andExpect(status().isCreated());
        mvc.perform(patch("/api/v1/accounts/" + name).with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\": false}"))
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(patch("/api/v1/accounts/" + name).with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\": true}"))
                .andExpect(jsonPath("$.enabled").value(true));
    }

    @Test
    void aResetPasswordReplacesTheOldOne() throws Exception {
        String first = JsonPath.read(create(person(""), admin).andReturn().getResponse().getContentAsString(), "$.oneTimePassword");

        String second = JsonPath.read(mvc.perform(post("/api/v1/accounts/" + name + "/password-reset").with(admin).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$.oneTimePassword");

        assertThat(second).isNotEqualTo(first);
        mvc.perform(formLogin().user(name).password(first)).andExpect(unauthenticated());
        mvc.perform(formLogin().user(name).password(second)).andExpect(authenticated());
        assertThat(AuditTrail.about(jdbc, "account:" + name)).extracting(AuditEvent::action).contains("ACCOUNT_PASSWORD_RESET");
    }

    @Test
    void aServiceAccountHasNoPasswordToResetAndAnUnknownAccountIsNotFound() throws Exception {
        UserAccount service = new TestAccounts(accounts, tokens).service(Role.AGENT);
        mvc.perform(post("/api/v1/accounts/" + service.username() + "/password-reset").with(admin).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/accounts/nobody-" + name + "/password-reset").with(admin).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyAdministratorsManageAccounts() throws Exception {
        RequestPostProcessor supervisor = user("sv-" + name).roles("SUPERVISOR");
        create(person(""), supervisor).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/accounts").with(supervisor)).andExpect(status().isForbidden());
        mvc.perform(patch("/api/v1/accounts/" + name).with(supervisor).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"dailyCap\": 1}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/accounts/" + name + "/password-reset").with(supervisor).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(accounts.find(name)).isEmpty();
    }
}
