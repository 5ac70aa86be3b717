package com.tierdesk.customer.web;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.EnglishAnswers;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import java.time.LocalDate;
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
class OrderRefundApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Test
    @WithMockUser(username = "lin", roles = "SUPERVISOR")
    void aSupervisorRecordsARefundAndReadsItBack() throws Exception {
        String order = paidOrder("200.00");

        refund(order, "50.00").andExpect(status().isCreated())
                .andExpect(jsonPath("$.amount").value(50.00))
                .andExpect(jsonPath("$.recordedBy").value("lin"));
        mvc.perform(get("/api/v1/orders/{id}/refunds", order)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].reason").value("退货"));
        mvc.perform(get("/api/v1/orders/{id}", order)).andExpect(jsonPath("$.refundAmount").value(50.00));
    }

    @Test
    @WithMockUser(username = "lin", roles = "SUPERVISOR")
    void moreThanWasPaidIsA422NamingTheAmount() throws Exception {
        String order = paidOrder("200.00");

        refund(order, "200.01").andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("amount"))
                .andExpect(jsonPath("$.errors[0].code").value("problem.refund.more-than-paid"))
                .andExpect(jsonPath("$.errors[0].reason")
                        .value("must not exceed what was paid and not refunded yet, 200.00"));
    }

    @Test
    @WithMockUser(username = "wang", roles = "AGENT")
    void anAgentMayNotRefund() throws Exception {
        refund(paidOrder("200.00"), "1.00").andExpect(status().isForbidden());
    }

    private String paidOrder(String amount) {
        String code = customers.create(aCustomer().build()).code();
        return orders.upsert(anOrder(code).amount(amount).paidOn(LocalDate.of(2026, 1, 5)).build()).value().externalId();
    }

    private ResultActions refund(String order, String amount) throws Exception {
        return mvc.perform(post("/api/v1/orders/{id}/refunds", order).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\": %s, \"reason\": \"退货\"}".formatted(amount)));
    }
}
