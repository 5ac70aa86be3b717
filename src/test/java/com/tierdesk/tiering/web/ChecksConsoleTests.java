package com.tierdesk.tiering.web;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.shared.SettableTime.SettableClock;
import com.tierdesk.tiering.TriggerChecksTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@TriggerChecksTest
class ChecksConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    SettableClock clock;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Test
    void aSupervisorRunsTheDailyChecksFromTheWorkbenchAndReadsWhatTheyFoundInTheirLanguage() throws Exception {
        LocalDate today = LocalDate.of(2007, 3, 20);
        clock.set(today, LocalTime.of(10, 0));
        Customer lapsed = customers.create(aCustomer().owner("am.checks").build());
        orders.upsert(anOrder(lapsed.code()).paidAt(today.minusDays(90).atTime(11, 0).atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant().toString()).build());

        assertThat(html(get("/tiering").with(as("agent", "AGENT")))).doesNotContain("run-checks-button");
        mvc.perform(post("/tiering/checks").with(as("agent", "AGENT")).with(csrf())).andExpect(status().isForbidden());
        assertThat(html(get("/tiering").with(as("wang", "SUPERVISOR")))).contains("id=\"run-checks-button\"");

        MvcResult checked = mvc.perform(post("/tiering/checks").with(as("wang", "SUPERVISOR")).with(csrf()))
                .andExpect(redirectedUrl("/tiering#daily-checks")).andReturn();

        assertThat(html(get("/tiering").param("lang", "en").flashAttrs(checked.getFlashMap()).with(as("wang", "SUPERVISOR"))))
                .contains("id=\"checks-outcome\"").contains("Checked for 2007-03-20:")
                .contains("Cadence run for everybody, due on 2007-01-01 (try 1)")
                .contains("1 churn warning for lapses that reached the limit");
        assertThat(html(get("/tiering").param("lang", "zh_CN").flashAttrs(checked.getFlashMap()).with(as("wang", "SUPERVISOR"))))
                .contains("2007-03-20 的检查结果：").contains("定期重评：全部客户，应于 2007-01-01（第 1 次）")
                .contains("到达流失期限的流失预警：1 条");
        assertThat(html(get("/tiering/customers/{code}/panel", lapsed.code()).param("lang", "en").with(as("wang", "SUPERVISOR"))))
                .contains("No paid order since 2006-12-20: 90 days, and the churn limit is 90 days.").contains("Churn warning");
        assertThat(html(get("/tiering/customers/{code}/panel", lapsed.code()).param("lang", "zh_CN").with(as("wang", "SUPERVISOR"))))
                .contains("自 2006-12-20 起没有付款订单：已 90 天，流失期限为 90 天。").contains("流失预警");
    }

    @Test
    void theApiRunsTheChecksForSupervisorsAndRecordsNothingTwice() throws Exception {
        clock.set(LocalDate.of(2007, 8, 2), LocalTime.of(10, 0));

        mvc.perform(post("/api/v1/tiering/checks").with(as("agent", "AGENT")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/tiering/checks").with(as("wang", "SUPERVISOR")).with(csrf())).andExpect(status().isOk())
                .andExpect(jsonPath("$.day").value("2007-08-02"))
                .andExpect(jsonPath("$.cadenceRuns[0].group").value("EVERYBODY"))
                .andExpect(jsonPath("$.cadenceRuns[0].dueOn").value("2007-07-01"))
                .andExpect(jsonPath("$.cadenceRuns[0].run").isNumber());
        mvc.perform(post("/api/v1/tiering/checks").with(as("li", "ADMIN")).with(csrf())).andExpect(status().isOk())
                .andExpect(jsonPath("$.cadenceRuns").isEmpty()).andExpect(jsonPath("$.spendDrops").value(0))
                .andExpect(jsonPath("$.churnWarnings").value(0)).andExpect(jsonPath("$.catchUpWarnings").value(0));
        mvc.perform(get("/api/v1/tiering/checks").with(as("wang", "SUPERVISOR"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.by").value("li"));
    }

    private static RequestPostProcessor as(String name, String role) {
        return user(name).roles(role);
    }

    private String html(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
