package com.tierdesk.customer.web;

import static com.tierdesk.customer.CustomerFixture.unique;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.EnglishAnswers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@Import(EnglishAnswers.class)
class CustomerLabelApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void supervisorsAndAdministratorsSetAndClearALabelThatEveryoneReads() throws Exception {
        String code = unique("industry");
        putIndustry(code, "{\"zh\": \"新能源\", \"en\": \"New energy\"}", as("SUPERVISOR")).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("INDUSTRY")).andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.label.zh").value("新能源")).andExpect(jsonPath("$.label.en").value("New energy"))
                .andExpect(jsonPath("$.updatedBy").value("someone"));
        putIndustry(code, "\"Renewables\"", as("ADMIN")).andExpect(status().isOk())
                .andExpect(jsonPath("$.label.zh").value("Renewables"));
        mvc.perform(get("/api/v1/customer-labels").with(as("AGENT"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem(code))).andExpect(jsonPath("$[*].code", hasItem("apparel")));

        mvc.perform(delete("/api/v1/customer-labels/industries/{code}", code).with(as("SUPERVISOR")).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/customer-labels/industries/{code}", code).with(as("SUPERVISOR")).with(csrf()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.errors[0].field").value("code"));
    }

    @Test
    void otherRolesMayNotWrite() throws Exception {
        putIndustry(unique("industry"), "{\"zh\": \"新能源\"}", as("SENIOR_AGENT")).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/customer-labels/tags/apparel").with(as("ACCOUNT_MANAGER")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void badInputIsRefusedWithItsFieldAndReason() throws Exception {
        putIndustry(unique("industry"), "{\"zh\": \" \", \"en\": null}", as("SUPERVISOR")).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("label"))
                .andExpect(jsonPath("$.errors[0].reason").value("is required"));
        mvc.perform(put("/api/v1/customer-labels/tags/{code}", "a,b").with(as("SUPERVISOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"en\": \"Both\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].reason").value("must not contain ',', ';' or '|'"));
        putIndustry(unique("industry"), "{\"zh\": ", as("SUPERVISOR")).andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/customer-labels/regions/shanghai").with(as("SUPERVISOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"en\": \"Shanghai\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.errors[0].field").value("kind"));
    }

    private ResultActions putIndustry(String industry, String body, RequestPostProcessor caller) throws Exception {
        return mvc.perform(put("/api/v1/customer-labels/industries/{code}", industry).with(caller).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static RequestPostProcessor as(String role) {
        return user("someone").roles(role);
    }
}
