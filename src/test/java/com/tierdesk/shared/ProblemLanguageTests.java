package com.tierdesk.shared;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An API caller reads every refusal in the language it asks for with {@code Accept-Language}, Chinese without the
 * header (the console's default), each error with the stable code it can switch on.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = "ADMIN")
class ProblemLanguageTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aRefusedValueIsAnsweredInChineseOrEnglishAsAsked() throws Exception {
        mvc.perform(get("/api/v1/customers").param("size", "0").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("输入无效"))
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].reason").value("必须在 1 到 200 之间"))
                .andExpect(jsonPath("$.errors[0].code").value("problem.between"));
        mvc.perform(get("/api/v1/customers").param("size", "0").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be between 1 and 200"))
                .andExpect(jsonPath("$.errors[0].code").value("problem.between"));
        mvc.perform(get("/api/v1/customers").param("size", "0"))
                .andExpect(jsonPath("$.errors[0].reason").value("必须在 1 到 200 之间"));
        mvc.perform(get("/api/v1/customers").param("size", "0").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR, en;q=0.5"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be between 1 and 200"));
    }

    @Test
    void anUnknownRecordAndAnUnreadableBodyAreAnsweredInTheAskedLanguageToo() throws Exception {
        mvc.perform(get("/api/v1/customers/NOPE999").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("未找到"))
                .andExpect(jsonPath("$.detail").value("没有编码为“NOPE999”的客户"))
                .andExpect(jsonPath("$.errors[0].code").value("problem.no-customer"));
        mvc.perform(get("/api/v1/customers/NOPE999").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(jsonPath("$.detail").value("no customer with code 'NOPE999'"));
        mvc.perform(post("/api/v1/customers").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": 42}").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("无法读取的请求"))
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].reason", startsWith("必须是文本")));
        mvc.perform(post("/api/v1/customers").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": 42}").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(jsonPath("$.errors[0].reason", startsWith("must be a text")));
    }
}
