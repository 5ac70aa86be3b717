package com.tierdesk.customer.web;

import static com.tierdesk.customer.CustomerFixture.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.EnglishAnswers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
@Import(EnglishAnswers.class)
@WithMockUser(roles = "AGENT")
class CustomerApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void createsACustomerAndReadsItBackWithItsVersionAsETag() throws Exception {
        String code = unique("C");
        send(post("/api/v1/customers"), customerJson(code, "13812345678", "a@example.com"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/customers/" + code))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.consent.sms").value(true));

        mvc.perform(get("/api/v1/customers/{code}", code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("张三"))
                .andExpect(jsonPath("$.kind").value("PERSON"))
                .andExpect(jsonPath("$.birthday").value("1990-05-17"))
                .andExpect(jsonPath("$.tags[0]").value("vip"))
                .andExpect(jsonPath("$.id").isNumber());
    }

    @Test
    void putUpsertsByCodeAndTheSameBodyAgainChangesNothing() throws Exception {
        String code = unique("C");
        String body = customerJson(code, "13812345678", "a@example.com");

        send(put("/api/v1/customers/{code}", code), body).andExpect(status().isCreated());
        send(put("/api/v1/customers/{code}", code), body).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(0));
        send(put("/api/v1/customers/{code}", code), body.replace("张三", "张三丰")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void putWithIfMatchUpdatesOnlyTheVersionRead() throws Exception {
        String code = unique("C");
        String body = customerJson(code, "13812345678", "a@example.com");
        send(post("/api/v1/customers"), body).andExpect(status().isCreated());

        send(put("/api/v1/customers/{code}", code).header("If-Match", "\"0\""), body.replace("张三", "李四"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        problem(send(put("/api/v1/customers/{code}", code).header("If-Match", "\"0\""), body), 409, "version");
        problem(send(put("/api/v1/customers/{code}", "NOPE-" + code).header("If-Match", "\"0\""),
                body.replace(code, "NOPE-" + code)), 404, "code");
    }

    @Test
    void aDuplicateCodeIsAConflict() throws Exception {
        String code = unique("C");
        String body = customerJson(code, "13812345678", "a@example.com");
        send(post("/api/v1/customers"), body).andExpect(status().isCreated());

        problem(send(post("/api/v1/customers"), body), 409, "code")
                .andExpect(jsonPath("$.errors[0].reason", containsString("already exists")));
    }

    @Test
    void aBadEmailIsRefusedWithItsField() throws Exception {
        problem(send(post("/api/v1/customers"), customerJson(unique("C"), "13812345678", "zhang@@example")), 422, "email")
                .andExpect(jsonPath("$.errors[0].reason").value("is not a valid email address"));
    }

    @Test
    void aBadPhoneIsRefusedWithItsField() throws Exception {
        problem(send(post("/api/v1/customers"), customerJson(unique("C"), "12345", "a@example.com")), 422, "phone")
                .andExpect(jsonPath("$.errors[0].reason", startsWith("is not a valid phone number")));
    }

    @Test
    void everyBrokenFieldIsListed() throws Exception {
        send(post("/api/v1/customers"), """
                {"code": "bad code!", "name": "", "kind": null, "email": "x"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("code", "name", "kind", "email")));
    }

    @Test
    void anAmountWithThreeDecimalsIsRefused() throws Exception {
        String customer = createCustomer();
        problem(send(put("/api/v1/orders/{id}", unique("O")), orderJson(customer, "10.123")), 422, "amount")
                .andExpect(jsonPath("$.errors[0].reason").value("must have at most two decimal places"));
    }

    @Test
    void aNegativeAmountIsRefused() throws Exception {
        String customer = createCustomer();
        problem(send(put("/api/v1/orders/{id}", unique("O")), orderJson(customer, "-1.00")), 422, "amount")
                .andExpect(jsonPath("$.errors[0].reason").value("must not be negative"));
    }

    @Test
    void anOrderOfAnUnknownCustomerIsRefused() throws Exception {
        problem(send(put("/api/v1/orders/{id}", unique("O")), orderJson(unique("NOBODY"), "10.00")), 422, "customerCode")
                .andExpect(jsonPath("$.errors[0].reason", startsWith("no customer has code")));
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        send(post("/api/v1/customers"), "{\"code\": \"C1\", \"name\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value(nullValue()))
                .andExpect(jsonPath("$.errors[0].reason", startsWith("malformed JSON")));
    }

    @Test
    void aValueOfTheWrongTypeIsABadRequestNamingTheField() throws Exception {
        String customer = createCustomer();
        problem(send(put("/api/v1/orders/{id}", unique("O")), orderJson(customer, "\"ten\"")), 400, "amount")
                .andExpect(jsonPath("$.errors[0].reason", startsWith("must be a number")));
        problem(send(put("/api/v1/orders/{id}", unique("O")),
                orderJson(customer, "10.00").replace("\"PAID\"", "\"GONE\"")), 400, "status")
                .andExpect(jsonPath("$.errors[0].reason", startsWith("must be one of PLACED")));
        problem(send(put("/api/v1/orders/{id}", unique("O")),
                orderJson(customer, "10.00").replace("2025-03-01T10:00:00+08:00", "yesterday")), 400, "placedAt");
        problem(mvc.perform(get("/api/v1/customers").param("kind", "ALIEN")), 400, "kind");
        problem(mvc.perform(get("/api/v1/customers").param("page", "x")), 400, "page");
    }

    @Test
    void anUnknownCodeIsNotFound() throws Exception {
        problem(mvc.perform(get("/api/v1/customers/{code}", unique("NONE"))), 404, "code");
        problem(mvc.perform(get("/api/v1/customers/{code}/orders", unique("NONE"))), 404, "code");
        problem(mvc.perform(get("/api/v1/orders/{id}", unique("NONE"))), 404, "externalId");
    }

    @Test
    void searchAnswersAPageWithTotals() throws Exception {
        String industry = unique("ind");
        for (int i = 0; i < 3; i++) {
            send(post("/api/v1/customers"), customerJson(unique("C"), "13812345678", "a@example.com")
                    .replace("\"retail\"", "\"" + industry + "\"")).andExpect(status().isCreated());
        }

        mvc.perform(get("/api/v1/customers").param("industry", industry).param("size", "2").param("page", "1")
                        .param("sort", "created,desc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.totalPages").value(2));
        problem(mvc.perform(get("/api/v1/customers").param("sort", "age")), 422, "sort");
        problem(mvc.perform(get("/api/v1/customers").param("size", "1000")), 422, "size");
    }

    @Test
    void ordersInteractionsAndPurchaseHistoryAreListedPerCustomer() throws Exception {
        String customer = createCustomer();
        String order = unique("O");
        send(put("/api/v1/orders/{id}", order), orderJson(customer, "88.80"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.paidMonth").value("2025-03-01"))
                .andExpect(jsonPath("$.customerCode").value(customer));
        send(put("/api/v1/orders/{id}", order), orderJson(customer, "88.80")).andExpect(status().isOk());
        send(put("/api/v1/interactions/{id}", unique("I")), """
                {"customerCode": "%s", "kind": "PRODUCT_USAGE", "occurredAt": "2025-03-02T09:00:00+08:00",
                 "product": "A", "usageHours": 12.5, "featureActivationRate": 0.75}""".formatted(customer))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.usageHours").value(12.5));

        mvc.perform(get("/api/v1/orders/{id}", order)).andExpect(jsonPath("$.amount").value(88.80));
        mvc.perform(get("/api/v1/customers/{code}/orders", customer))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].externalId").value(order));
        mvc.perform(get("/api/v1/customers/{code}/interactions", customer))
                .andExpect(jsonPath("$.items[0].kind").value("PRODUCT_USAGE"));
        mvc.perform(get("/api/v1/customers/{code}/purchase-history", customer).param("asOf", "2025-04"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2025-04"))
                .andExpect(jsonPath("$.windowFirstMonth").value("2024-04"))
                .andExpect(jsonPath("$.windowLastMonth").value("2025-03"))
                .andExpect(jsonPath("$.spendLast12Months").value(88.80))
                .andExpect(jsonPath("$.months", hasSize(24)))
                .andExpect(jsonPath("$.months[22].paidOrders").value(1));
        mvc.perform(get("/api/v1/customers/{code}/purchase-history", customer).param("asOf", "2025-03"))
                .andExpect(jsonPath("$.spendLast12Months").value(0))
                .andExpect(jsonPath("$.months[23].paidOrders").value(1));
        problem(mvc.perform(get("/api/v1/customers/{code}/purchase-history", customer).param("asOf", "March")),
                400, "asOf");
    }

    @Test
    void tagsAreAddedAndRemoved() throws Exception {
        String customer = createCustomer();

        send(post("/api/v1/customers/{code}/tags", customer), "[\"高频购买\", \"b2b\"]")
                .andExpect(jsonPath("$", hasSize(3)));
        mvc.perform(put("/api/v1/customers/{code}/tags/{tag}", customer, "new").with(csrf()))
                .andExpect(jsonPath("$", hasSize(4)));
        mvc.perform(delete("/api/v1/customers/{code}/tags/{tag}", customer, "vip").with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers/{code}/tags", customer))
                .andExpect(jsonPath("$").value(org.hamcrest.Matchers.contains("b2b", "new", "高频购买")));
        problem(send(post("/api/v1/customers/{code}/tags", customer), "[\"a;b\"]"), 422, "tags[0]");
        problem(send(post("/api/v1/customers/{code}/tags", customer), "[\"ok\", null]"), 422, "tags[1]");
    }

    private String createCustomer() throws Exception {
        String code = unique("C");
        send(post("/api/v1/customers"), customerJson(code, "13812345678", "a@example.com"))
                .andExpect(status().isCreated());
        return code;
    }

    private ResultActions send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json)
            throws Exception {
        return mvc.perform(request.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static ResultActions problem(ResultActions result, int status, String field) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].reason").isNotEmpty());
    }

    private static String customerJson(String code, String phone, String email) {
        return """
                {"code": "%s", "name": "张三", "kind": "PERSON", "industry": "retail", "contactPerson": "李经理",
                 "phone": "%s", "email": "%s", "region": "上海", "birthday": "1990-05-17",
                 "registeredOn": "2024-01-02", "membershipExpiresOn": "2026-12-31", "owner": "am.li",
                 "consent": {"marketing": true, "sms": true, "email": false}, "tags": ["vip"]}
                """.formatted(code, phone, email);
    }

    private static String orderJson(String customerCode, String amount) {
        return """
                {"customerCode": "%s", "amount": %s, "placedAt": "2025-03-01T10:00:00+08:00",
                 "paidAt": "2025-03-01T10:20:00+08:00", "status": "PAID"}
                """.formatted(customerCode, amount);
    }
}
