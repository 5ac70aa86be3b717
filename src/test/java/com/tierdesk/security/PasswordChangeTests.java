package com.tierdesk.security;

import static com.tierdesk.security.TestAccounts.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A person an administrator created, or whose password an administrator reset, chooses their own password at their
 * next console sign-in before anything else; the API's tokens are not held back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PasswordChangeTests.Accounts.class)
class PasswordChangeTests {

    private static final String OWN_PASSWORD = "my own long password";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    People people;

    @Autowired
    TestAccounts testAccounts;

    static class Accounts {

        @Bean
        TestAccounts testAccounts(UserAccounts userAccounts, ApiTokens tokens) {
            return new TestAccounts(userAccounts, tokens);
        }
    }

    @Test
    void aPersonAnAdministratorCreatedMustChooseTheirOwnPasswordBeforeAnyOtherPage() throws Exception {
        String name = "fresh-" + UUID.randomUUID().toString().substring(0, 8);
        PasswordIssued issued = accounts.createPerson(name, "周新人", Role.SUPERVISOR, Staffing.none(),
                ContactChange.NONE, "admin");
        assertThat(people.profile(name).orElseThrow().passwordChangeRequired()).isTrue();

        MockHttpSession session = signIn(name, issued.oneTimePassword());
        for (String page : new String[] {"/", "/tickets", "/customers", "/admin/accounts", "/notifications"}) {
            mvc.perform(get(page).session(session)).andExpect(redirectedUrl("/password"));
        }
        mvc.perform(post("/presence").session(session).with(csrf()).param("presence", "AWAY"))
                .andExpect(redirectedUrl("/password"));
        mvc.perform(get("/notifications/bell").session(session).header("HX-Request", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me").session(session))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].code").value("problem.access.password-change"));
        mvc.perform(get("/password").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"password-required\"")));
        IssuedToken token = testAccounts.token(accounts.find(name).orElseThrow(), Role.SUPERVISOR);
        mvc.perform(get("/api/v1/me").header("Authorization", bearer(token))).andExpect(status().isOk());

        mvc.perform(post("/password").session(session).with(csrf()).param("currentPassword", "not the one")
                        .param("newPassword", OWN_PASSWORD).param("confirmation", OWN_PASSWORD))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/password").session(session).with(csrf()).param("currentPassword", issued.oneTimePassword())
                        .param("newPassword", OWN_PASSWORD).param("confirmation", "a typo in it"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/password"));

        mvc.perform(post("/password").session(session).with(csrf()).param("currentPassword", issued.oneTimePassword())
                        .param("newPassword", OWN_PASSWORD).param("confirmation", OWN_PASSWORD))
                .andExpect(redirectedUrl("/password"));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isOk());
        assertThat(people.profile(name).orElseThrow().passwordChangeRequired()).isFalse();
        mvc.perform(get("/tickets").session(signIn(name, OWN_PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void aPasswordResetByAnAdministratorHoldsThePersonAgainAtTheirNextSignIn() throws Exception {
        UserAccount person = testAccounts.person(Role.AGENT);
        mvc.perform(get("/").session(signIn(person.username(), TestAccounts.PASSWORD))).andExpect(status().isOk());

        PasswordIssued reset = accounts.resetPassword(person.username(), "admin");

        MockHttpSession session = signIn(person.username(), reset.oneTimePassword());
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/password"));
        mvc.perform(post("/password").session(session).with(csrf()).param("currentPassword", reset.oneTimePassword())
                        .param("newPassword", reset.oneTimePassword()).param("confirmation", reset.oneTimePassword()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("必须与当前密码不同")));
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(password))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
    }
}
