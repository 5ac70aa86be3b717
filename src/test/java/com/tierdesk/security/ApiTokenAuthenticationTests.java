package com.tierdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class ApiTokenAuthenticationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Test
    void validTokenReachesTheApiActingWithItsRole() throws Exception {
        IssuedToken issued = tokens.issue("crm sync " + UUID.randomUUID(), Role.QA, "tester", null);

        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + issued.plaintext()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("token:" + issued.token().prefix()))
                .andExpect(jsonPath("$.displayName").value(issued.token().name()))
                .andExpect(jsonPath("$.role").value("QA"))
                .andExpect(jsonPath("$.authenticatedBy").value("token"))
                .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
    }

    @Test
    void tokenUseIsRecordedAtMostOncePerMinute() throws Exception {
        IssuedToken issued = tokens.issue("usage " + UUID.randomUUID(), Role.AGENT, "tester", null);

        callMe(issued.plaintext()).andExpect(status().isOk());
        Instant firstUse = lastUsedAt(issued);
        callMe(issued.plaintext()).andExpect(status().isOk());

        assertThat(firstUse).isNotNull().isAfterOrEqualTo(issued.token().createdAt());
        assertThat(lastUsedAt(issued)).isEqualTo(firstUse);
    }

    @Test
    void wrongSecretIsUnauthorized() throws Exception {
        IssuedToken issued = tokens.issue("wrong secret " + UUID.randomUUID(), Role.ADMIN, "tester", null);
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
        IssuedToken issued = tokens.issue("revoked " + UUID.randomUUID(), Role.SUPERVISOR, "tester", null);
        callMe(issued.plaintext()).andExpect(status().isOk());

        tokens.revoke(issued.token().id(), "tester");

        expectInvalidToken(callMe(issued.plaintext()));
    }

    @Test
    void expiredTokenIsUnauthorized() throws Exception {
        IssuedToken issued = tokens.issue("expired " + UUID.randomUUID(), Role.AGENT, "tester",
                Instant.now().minus(Duration.ofMinutes(1)));

        expectInvalidToken(callMe(issued.plaintext()));
    }

    @Test
    void requestWithoutCredentialsGetsProblemDetailNotRedirect() throws Exception {
        mvc.perform(get("/api/v1/customers").accept(MediaType.TEXT_HTML))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tierdesk\""))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.instance").value("/api/v1/customers"));
    }

    private ResultActions callMe(String token) throws Exception {
        return mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    private static void expectInvalidToken(ResultActions result) throws Exception {
        result.andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tierdesk\", error=\"invalid_token\""))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value("The API token is unknown, revoked, expired or malformed."));
    }

    private Instant lastUsedAt(IssuedToken issued) {
        return tokens.find(issued.token().id()).orElseThrow().lastUsedAt();
    }
}
