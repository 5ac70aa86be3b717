package com.tierdesk.customer.web;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.EnglishAnswers;
import com.tierdesk.customer.Customers;
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
class OrderLineApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Customers customers;

    @Test
    void anOrderIsWrittenAndReadWithItsLinesAndKeepsThemWhenWrittenWithout() throws Exception {
        String customer = customers.create(aCustomer().build()).code();
        String order = unique("O");

        put(order, customer, """
                , "lines": [{"productCode": "SKU-1", "productName": "蓝牙耳机", "quantity": 2, "amount": 398},
                            {"productCode": "SKU-2", "productName": "充电线", "quantity": 1, "amount": 29.9}]""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lines[1].lineNo").value(2))
                .andExpect(jsonPath("$.lines[1].amount").value(29.90));
        put(order, customer, "").andExpect(status().isOk());

        mvc.perform(get("/api/v1/orders/{id}", order)).andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].productName").value("蓝牙耳机"))
                .andExpect(jsonPath("$.lines[0].quantity").value(2))
                .andExpect(jsonPath("$.lines.length()").value(2));
    }

    @Test
    void aLineWithoutQuantityOrNameIsRefusedNamingTheLineAndNothingIsWritten() throws Exception {
        String customer = customers.create(aCustomer().build()).code();
        String order = unique("O");

        put(order, customer, """
                , "lines": [{"productCode": "SKU-1", "productName": " ", "quantity": 0, "amount": 1}]""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].productName"))
                .andExpect(jsonPath("$.errors[1].field").value("lines[0].quantity"))
                .andExpect(jsonPath("$.errors[1].reason").value("must be between 1 and 1000000"));
        mvc.perform(get("/api/v1/orders/{id}", order)).andExpect(status().isNotFound());
    }

    private ResultActions put(String order, String customer, String lines) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/orders/{id}", order)
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"customerCode": "%s", "amount": 427.90, "placedAt": "2026-01-05T10:00:00+08:00",
                         "paidAt": "2026-01-05T10:20:00+08:00", "status": "PAID"%s}
                        """.formatted(customer, lines)));
    }
}
