package com.tierdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import com.tierdesk.shared.JdbcTimestamps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class ApiTokenAuthenticationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserAccounts accounts;

    @Test
    void validTokenReachesTheApiAsItsAccountActingWithItsRole() throws Exception {
        UserAccount crm = testAccounts().service(Role.SUPERVISOR);
        IssuedToken issued = testAccounts().token(crm, Role.QA);

        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + issued.plaintext()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(crm.username()))
                .andExpect(jsonPath("$.displayName").value(crm.displayName()))
                .andExpect(jsonPath("$.token").value(issued.token().name()))
                .andExpect(jsonPath("$.role").value("QA"))
                .andExpect(jsonPath("$.authenticatedBy").value("token"))
                .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
    }

    @Test
    void tokenUseIsRecordedAtMostOncePerMinute() throws Exception {
        IssuedToken issued = token(Role.AGENT, null);

        callMe(issued.plaintext()).andExpect(status().isOk());
        Instant firstUse = lastUsedAt(issued);
        callMe(issued.plaintext()).andExpect(status().isOk());

        assertThat(firstUse).isNotNull().isAfterOrEqualTo(issued.token().createdAt());
        assertThat(lastUsedAt(issued)).isEqualTo(firstUse);
    }

    @Test
    void wrongSecretIsUnauthorized() throws Exception {
        IssuedToken issued = token(Role.ADMIN, null);
        String otherSecret = TokenSecret.generate(new SecureRandom()).secret();

        expectInvalidToken(callMe(new TokenSecret(issued.token().prefix(), otherSecret).plaintext()));
    }

    @Test
    void unknownPrefixIsUnauthorized() throws Exception {
        expectInvalidToken(callMe("tdk_unknownpref_" + "s".repeat(43)));
    }

    @Test
    void malformedBearerValueIsUnauthorized() throws Exception {
        expectInvalidToken(callMe("not-a-token"));
    }

    @Test
    void revokedTokenIsUnauthorized() throws Exception {
        IssuedToken issued = token(Role.SUPERVISOR, null);
        callMe(issued.plaintext()).andExpect(status().isOk());

        tokens.revoke(issued.token().id(), "tester");

        expectInvalidToken(callMe(issued.plaintext()));
    }

    @Test
    void expiredTokenIsUnauthorized() throws Exception {
        IssuedToken issued = token(Role.AGENT, Instant.now().plus(Duration.ofMinutes(1)));
        callMe(issued.plaintext()).andExpect(status().isOk());

        jdbc.sql("UPDATE api_token SET expires_at = ? WHERE id = ?")
                .params(JdbcTimestamps.toColumn(Instant.now().minusSeconds(1)), issued.token().id()).update();

        expectInvalidToken(callMe(issued.plaintext()));
    }

    @Test
    void requestWithoutCredentialsGetsProblemDetailNotRedirect() throws Exception {
        mvc.perform(get("/api/v1/customers").accept(MediaType.TEXT_HTML).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tierdesk\""))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.detail").value(
                        "Authentication required: send Authorization: Bearer <API token>, or sign in to the console."))
                .andExpect(jsonPath("$.errors[0].code").value("problem.access.sign-in"))
                .andExpect(jsonPath("$.instance").value("/api/v1/customers"));
    }

    @Test
    void theRefusalsOfTheFilterChainAreWordedInTheAskedLanguageWithTheirCodes() throws Exception {
        mvc.perform(get("/api/v1/customers").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("未经身份验证"))
                .andExpect(jsonPath("$.detail").value("需要身份验证：请发送 Authorization: Bearer <API 令牌>，或登录控制台。"))
                .andExpect(jsonPath("$.errors[0].reason").value("需要身份验证：请发送 Authorization: Bearer <API 令牌>，或登录控制台。"))
                .andExpect(jsonPath("$.errors[0].code").value("problem.access.sign-in"));
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("API 令牌未知、已吊销、已过期或格式错误。"))
                .andExpect(jsonPath("$.errors[0].code").value("problem.access.invalid-token"));

        IssuedToken agent = token(Role.AGENT, null);
        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(agent))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("禁止访问"))
                .andExpect(jsonPath("$.detail").value("您的角色不允许此请求。"))
                .andExpect(jsonPath("$.errors[0].code").value("problem.access.role"));
        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(agent))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en-US"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Forbidden"))
                .andExpect(jsonPath("$.detail").value("Your role does not allow this request."))
                .andExpect(jsonPath("$.errors[0].code").value("problem.access.role"));
    }

    @Test
    void withoutAcceptLanguageTheFilterChainAnswersInTheConsolesLanguage() throws Exception {
        mvc.perform(get("/api/v1/customers"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("未经身份验证"));
        mvc.perform(get("/api/v1/customers").cookie(new Cookie("tierdesk-lang", "en")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Unauthorized"));
    }

    private TestAccounts testAccounts() {
        return new TestAccounts(accounts, tokens);
    }

    /** A token of a fresh service account with the same role. */
    private IssuedToken token(Role role, Instant expiresAt) {
        UserAccount account = testAccounts().service(role);
        return tokens.issue(NewToken.api(account.username(), "token", role, expiresAt), "tester");
    }

    private ResultActions callMe(String token) throws Exception {
        return mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
    }

    private static void expectInvalidToken(ResultActions result) throws Exception {
        result.andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tierdesk\", error=\"invalid_token\""))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value("The API token is unknown, revoked, expired or malformed."))
                .andExpect(jsonPath("$.errors[0].code").value("problem.access.invalid-token"));
    }

    private Instant lastUsedAt(IssuedToken issued) {
        return tokens.find(issued.token().id()).orElseThrow().lastUsedAt();
    }
}
