package com.tierdesk.ticket.web;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.tierdesk.EnglishAnswers;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.OrderDraft;
import com.tierdesk.customer.OrderLineDraft;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@Import(EnglishAnswers.class)
class ReturnApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Test
    void anAgentRequestsASupervisorDecidesAndABadStepIsAProblemDetail() throws Exception {
        String order = order(LocalDate.now().minusDays(1));
        String body = mvc.perform(post("/api/v1/returns").with(user("li").roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"orderExternalId": "%s", "kind": "RETURN", "reason": "尺码不合适",
                                 "lines": [{"lineNo": 1, "quantity": 1}]}
                                """.formatted(order)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("REQUESTED"))
                .andExpect(jsonPath("$.decisionStatus").value("ON_TRACK"))
                .andExpect(jsonPath("$.ticket").isNumber())
                .andExpect(jsonPath("$.decision").doesNotExist())
                .andExpect(jsonPath("$.lines[0].productCode").value("SKU-1"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();

        mvc.perform(post("/api/v1/returns/{id}/approve", id).with(user("li").roles("AGENT")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/returns/{id}/receive", id).with(user("li").roles("AGENT")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].code").value("problem.return.transition"))
                .andExpect(jsonPath("$.errors[0].reason").value("a return that is “Requested” cannot become “Received”"));
        mvc.perform(post("/api/v1/returns/{id}/approve", id).with(user("wang").roles("SUPERVISOR")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(get("/api/v1/returns?status=APPROVED").with(user("li").roles("AGENT")))
                .andExpect(status().isOk());
    }

    @Test
    void aRequestOutsideTheWindowIsA422NamingIt() throws Exception {
        String order = order(LocalDate.now().minusDays(60));
        mvc.perform(post("/api/v1/returns").with(user("li").roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"orderExternalId": "%s", "kind": "EXCHANGE", "reason": "换颜色",
                                 "lines": [{"lineNo": 1, "quantity": 1}]}
                                """.formatted(order)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("orderExternalId"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.startsWith(
                        "is outside the return window: the customer's tier may ask within 7 days of payment")));
    }

    @Test
    void theBoardShowsTheDecisionTargetAndAReturnAndItsTicketLinkEachOther() throws Exception {
        String body = mvc.perform(post("/api/v1/returns").with(user("li").roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"orderExternalId": "%s", "kind": "EXCHANGE", "reason": "换大一码",
                                 "lines": [{"lineNo": 1, "quantity": 1}], "language": "en"}
                                """.formatted(order(LocalDate.now().minusDays(1)))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        long ticket = ((Number) JsonPath.read(body, "$.ticket")).longValue();

        String board = html(get("/returns").param("lang", "en"));
        assertThat(board).contains("id=\"return-" + id + "\"").contains("href=\"/tickets/" + ticket + "\"")
                .contains("data-decision=\"ON_TRACK\"");
        assertThat(board).doesNotContain("overdue");
        assertThat(html(get("/returns/{id}", id).param("lang", "en")))
                .contains("id=\"return-ticket\" href=\"/tickets/" + ticket + "\"").contains("On track");
        assertThat(html(get("/tickets/{id}", ticket).param("lang", "en")))
                .contains("id=\"ticket-return\" href=\"/returns/" + id + "\"")
                .contains("Exchange requested (return " + id + ", order ");
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user("wang").roles("SUPERVISOR"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String order(LocalDate paidOn) {
        String code = customers.create(aCustomer().build()).code();
        OrderDraft order = anOrder(code).amount("100.00").paidOn(paidOn).build();
        return orders.upsert(new OrderDraft(order.externalId(), code, order.amount(), null, order.placedAt(),
                order.paidAt(), order.status(), List.of(new OrderLineDraft("SKU-1", "T恤", 2, new BigDecimal("100.00")))))
                .value().externalId();
    }
}
