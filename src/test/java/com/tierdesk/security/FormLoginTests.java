package com.tierdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.InvalidInput;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class FormLoginTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createdUserSignsInAndLandsOnTheDashboard() throws Exception {
        String username = "login-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "林小红", "correct horse battery", Role.SENIOR_AGENT);

        mvc.perform(formLogin().user(username).password("correct horse battery"))
                .andExpect(authenticated().withUsername(username).withRoles("SENIOR_AGENT"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() throws Exception {
        String username = "login-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "Wrong Password", "correct horse battery", Role.AGENT);

        mvc.perform(formLogin().user(username).password("incorrect horse"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("用户名或密码错误")));
        mvc.perform(get("/login").param("error", "").param("lang", "en"))
                .andExpect(content().string(containsString("Wrong username or password.")));
    }

    @Test
    void passwordIsStoredAsBcryptHashOnly() {
        String username = "hash-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "Hash Check", "correct horse battery", Role.QA);

        String hash = jdbc.sql("SELECT password_hash FROM user_account WHERE username = ?").param(username)
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("correct horse battery");
        assertThat(accounts.find(username)).map(UserAccount::role).contains(Role.QA);
    }

    @Test
    void refusesADuplicateUsernameOrAShortPassword() {
        String username = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "First", "correct horse battery", Role.AGENT);

        assertThatThrownBy(() -> accounts.create(username, "Second", "another long password", Role.AGENT))
                .isInstanceOf(Conflict.class).hasMessageContaining("already taken");
        assertThatThrownBy(() -> accounts.create(username + "x", "Short", "short", Role.AGENT))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("at least 8");
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        mvc.perform(logout()).andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void signedInUserSeesTheDashboardWithNameAndRole() throws Exception {
        String username = "dash-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "王主管", "correct horse battery", Role.SUPERVISOR);

        var session = (MockHttpSession) mvc.perform(formLogin().user(username).password("correct horse battery"))
                .andReturn().getRequest().getSession();

        mvc.perform(get("/").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("王主管")))
                .andExpect(content().string(containsString("客服主管")))
                .andExpect(content().string(not(containsString("/admin/tokens"))));
    }
}
