package com.tierdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.EnglishAnswers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every API reads JSON one way: no value converted to another type, no control character or half a character. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EnglishAnswers.class)
@WithMockUser(roles = "ADMIN")
class JsonInputPolicyTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aNumberSentForATextIsRefusedNotStoredAsText() throws Exception {
        refused(send(post("/api/v1/customers"), customer("\"name\": 12345")), "name", "must be a text");
    }

    @Test
    void aNumberSentForADateIsRefusedNotReadAsDaysSince1970() throws Exception {
        refused(send(post("/api/v1/customers"), customer("\"name\": \"张三\", \"birthday\": 12345")), "birthday",
                "must be a date");
    }

    @Test
    void aTextSentForANumberOrABooleanIsRefused() throws Exception {
        refused(send(put("/api/v1/orders/{id}", "O-" + UUID.randomUUID()), """
                {"customerCode": "C1", "amount": "12.50", "placedAt": "2025-03-01T10:00:00+08:00", "status": "PAID"}
                """), "amount", "must be a number");
        refused(send(post("/api/v1/customers"), customer("\"name\": \"张三\", \"consent\": {\"sms\": \"yes\"}")),
                "consent.sms", "must be true or false");
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedInEveryText() throws Exception {
        refused(send(post("/api/v1/customers"), customer("\"name\": \"张\\u0000三\"")), "name",
                "must not contain control characters (U+0000 at position 2)");
        refused(send(post("/api/v1/customers"), customer("\"name\": \"张三\\ud800\"")), "name",
                "must not contain a lone surrogate");
        refused(send(post("/api/v1/customers"), customer("\"name\": \"张三\", \"tags\": [\"ok\", \"b\\u001bad\"]")),
                "tags[1]", "must not contain control characters");
    }

    @Test
    void aRefusalNeverEchoesAHugeValueWhole() throws Exception {
        String huge = "9".repeat(1_000_000);
        String answer = send(post("/api/v1/customers"), customer("\"name\": \"张三\", \"birthday\": \"" + huge + "\""))
                .andExpect(status().is4xxClientError())
                .andReturn().getResponse().getContentAsString();
        assertThat(answer.length()).isLessThan(2_000);
        assertThat(answer).contains("birthday");
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static void refused(ResultActions result, String field, String reason) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.startsWith(reason)));
    }

    private static String customer(String fields) {
        return "{\"code\": \"C-" + UUID.randomUUID().toString().substring(0, 8) + "\", \"kind\": \"PERSON\", "
                + fields + "}";
    }
}
