package com.tierdesk.customer.web;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.EnglishAnswers;
import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.Customers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Hostile input to the data hub's API gets 400 or 422 with the field, never a 500, and never an echo of a huge value. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EnglishAnswers.class)
@WithMockUser(roles = "ADMIN")
class ApiInputPolicyTests {

    static final String HUGE = "x".repeat(100_000);

    @Autowired
    MockMvc mvc;

    @Autowired
    Customers customers;

    @Autowired
    JsonMapper json;

    @TempDir
    Path dir;

    CustomerFixture f;

    @BeforeEach
    void fixture() {
        f = new CustomerFixture(dir);
    }

    @Test
    void aControlCharacterOrALoneSurrogateInAnUploadedFilesNameIsABadRequest() throws Exception {
        for (String name : new String[] {"cus\u0000tomers.csv", "cus\u001btomers.csv", "客户\uDC00.csv"}) {
            refused(mvc.perform(multipart("/api/v1/imports/customers").with(csrf())
                    .file(new MockMultipartFile("file", name, "text/csv", f.text("code,name\n{p}N1,名\n").getBytes(StandardCharsets.UTF_8)))),
                    400, "file", "the file name must not contain");
        }
        assertThat(customers.find(f.p + "N1")).isEmpty();
    }

    @Test
    void anUploadWithoutAFileIsABadRequestNamingTheFile() throws Exception {
        refused(mvc.perform(multipart("/api/v1/imports/customers").with(csrf())), 400, "file", "is required");
    }

    @Test
    void aDelimiterThatCannotSeparateFieldsIsABadRequest() throws Exception {
        for (String delimiter : new String[] {"\n", "\"", "\u0000"}) {
            refused(mvc.perform(multipart("/api/v1/imports/customers").with(csrf())
                    .file(f.upload("c.csv", "code,name\n{p}D1,名\n")).param("delimiter", delimiter)), 400, "delimiter", "must not contain");
        }
    }

    @Test
    void datesOutsideTheYears1900To9999AreRefusedWithTheirField() throws Exception {
        Customer customer = customers.create(aCustomer().build());
        refused(send(post("/api/v1/customers"), """
                {"code": "%s", "name": "n", "kind": "PERSON", "registeredOn": "+999999999-12-31"}""".formatted(
                CustomerFixture.unique("Y"))), 422, "registeredOn", "must be between 1900-01-01 and 9999-12-31");
        refused(send(put("/api/v1/orders/{id}", CustomerFixture.unique("O")), """
                {"customerCode": "%s", "amount": 1, "placedAt": "+99999-01-01T00:00:00Z", "status": "PLACED"}"""
                .formatted(customer.code())), 422, "placedAt", "must be between");
        refused(mvc.perform(get("/api/v1/customers/{code}/purchase-history", customer.code()).param("asOf", "0000-01")),
                422, "asOf", "must be between 1900-01 and 9999-12");
    }

    @Test
    void searchCriteriaAreLinesNoLongerThanWhatTheyMatch() throws Exception {
        refused(mvc.perform(get("/api/v1/customers").param("q", "张\u0000三")), 422, "q", "must not contain control characters");
        refused(mvc.perform(get("/api/v1/customers").param("q", HUGE)), 422, "q", "must be at most 200 characters");
        refused(mvc.perform(get("/api/v1/customers").param("tag", "a\uD800")), 422, "tag", "must not contain a lone surrogate");
    }

    @Test
    void aTagNoCustomerCanHaveIsRefusedNotSearchedFor() throws Exception {
        Customer customer = customers.create(aCustomer().tags("vip").build());

        refused(mvc.perform(delete("/api/v1/customers/{code}/tags/{tag}", customer.code(), "vip,old").with(csrf())),
                422, "tag", "must not contain");
    }

    @Test
    void hugeNumbersHugeTextsAndDeeplyNestedJsonAreRefusedWithTheField() throws Exception {
        Customer customer = customers.create(aCustomer().build());
        refused(send(put("/api/v1/orders/{id}", CustomerFixture.unique("O")), """
                {"customerCode": "%s", "amount": 1e999999999, "placedAt": "2025-01-01T00:00:00Z", "status": "PLACED"}"""
                .formatted(customer.code())), 422, "amount", "must not exceed 999999999999.99");
        refused(send(post("/api/v1/customers"), """
                {"code": "%s", "name": "%s", "kind": "PERSON"}""".formatted(CustomerFixture.unique("H"), "x".repeat(10_000_000))),
                422, "name", "must be at most 200 characters");
        refused(send(post("/api/v1/customers"), """
                {"code": "%s", "name": "n", "kind": "PERSON", "tags": %s%s}""".formatted(CustomerFixture.unique("H"),
                "[".repeat(5_000), "]".repeat(5_000))), 400, "tags[0]", "must be a text");
    }

    @Test
    void aRefusalQuotesAHugeValueOnlyInPart() throws Exception {
        Customer customer = customers.create(aCustomer().build());
        for (ResultActions refused : new ResultActions[] {
                mvc.perform(get("/api/v1/customers/{code}", HUGE)),
                mvc.perform(get("/api/v1/orders/{id}", HUGE)),
                mvc.perform(get("/api/v1/customers").param("sort", HUGE)),
                send(put("/api/v1/customers/{code}", customer.code()), """
                        {"code": "%s", "name": "n", "kind": "PERSON"}""".formatted(HUGE)),
                mvc.perform(multipart("/api/v1/imports/customers").with(csrf()).file(f.upload("c.csv", "code,name\n"))
                        .param("charset", HUGE).param("mode", HUGE).param("map", HUGE)),
                mvc.perform(multipart("/api/v1/imports/customers").with(csrf())
                        .file(f.upload("c.csv", "code,name," + HUGE + "\n{p}Q1,n,x\n")))}) {
            JsonNode answer = json.readTree(refused.andExpect(status().is4xxClientError()).andReturn().getResponse()
                    .getContentAsString());
            assertThat(answer.path("detail").asString().length()).isLessThan(400);
            assertThat(answer.path("errors").valueStream().map(error -> error.path("reason").asString()))
                    .isNotEmpty().allSatisfy(reason -> assertThat(reason.length()).isLessThan(400));
        }
    }

    @Test
    void aSearchTheConsoleCannotRunSaysWhy() throws Exception {
        String page = mvc.perform(get("/customers").param("q", "张\u0000三").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("id=\"search-refused\"").contains("The search cannot be run: must not contain control characters");
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static void refused(ResultActions result, int status, String field, String reason) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].reason", startsWith(reason)));
    }
}
