package com.tierdesk.customer.web;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static com.tierdesk.customer.CustomerFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerInteractions;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.InteractionDraft;
import com.tierdesk.customer.InteractionKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = "AGENT")
class CustomerConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    CustomerInteractions interactions;

    @Autowired
    CustomerActivity activity;

    @Test
    void theListHasALiveSearchBoxAndLinksEachCustomerTo360() throws Exception {
        String marker = unique("list");
        Customer customer = customers.create(aCustomer().name("王小明 " + marker).build());

        String page = html(get("/customers").param("q", marker));

        assertThat(page).contains("<html").contains("id=\"customer-search\"").contains("name=\"q\"")
                .contains("hx-get=\"/customers\"").contains("共 1 位客户")
                .contains("<a class=\"customer-link\" href=\"/customers/" + customer.code() + "\"");
    }

    @Test
    void anHtmxSearchGetsOnlyTheResultsTable() throws Exception {
        String marker = unique("htmx");
        Customer customer = customers.create(aCustomer().name("htmx " + marker).build());

        String fragment = html(get("/customers").param("q", marker).header("HX-Request", "true"));

        assertThat(fragment).doesNotContain("<html").doesNotContain("customer-search")
                .startsWith("<section id=\"customer-results\"").contains(customer.code());
    }

    @Test
    void theListPagesThroughLongResults() throws Exception {
        String marker = unique("many");
        for (int i = 0; i < 21; i++) {
            customers.create(aCustomer().name(marker + " " + i).build());
        }

        assertThat(html(get("/customers").param("q", marker))).contains("第 1 页，共 2 页").contains("page=1");
        assertThat(html(get("/customers").param("q", marker).param("page", "1")))
                .contains("第 2 页，共 2 页").contains("class=\"pager-previous\"");
    }

    @Test
    void the360PageShowsProfileTagsPurchasesOrdersAndInteractions() throws Exception {
        Customer customer = customers.create(aCustomer().name("李雷").owner("am.han").tags("高频购买").build());
        String order = unique("O");
        orders.upsert(anOrder(customer.code()).externalId(order).amount("1234.50").paidAt(Instant.now().toString()).build());
        interactions.upsert(new InteractionDraft(unique("I"), customer.code(), InteractionKind.COMPLAINT,
                Instant.now(), "phone", "物流太慢", null, null, null, null, null));

        String page = html(get("/customers/{code}", customer.code()));

        assertThat(page).contains("<h1 id=\"customer-name\">李雷</h1>").contains("am.han").contains("高频购买")
                .contains("¥1,234.50").contains(order).contains("已付款").contains("投诉").contains("物流太慢")
                .contains("id=\"spend-chart\"").containsPattern("/webjars/chart.js/[^\"]*dist/chart.umd.js")
                .contains("1234.50");
    }

    @Test
    void everyPurchaseFigureSaysItsWindowAndTheTwelveMonthsAreTheTieringMetricsMonths() throws Exception {
        LocalDate today = activity.today();
        YearMonth month = YearMonth.from(today);
        Customer customer = aCustomer()
                .withSpend("400.00", month.minusMonths(13).atDay(10))
                .withSpend("200.00", month.minusMonths(12).atDay(10))
                .withSpend("100.00", month.minusMonths(1).atDay(10))
                .withSpend("50.00", today)
                .create(customers, orders);
        String window = month.minusMonths(12) + " – " + month.minusMonths(1);

        String page = html(get("/customers/{code}", customer.code()));

        assertThat(page).contains("近12个月消费（" + window + "）").contains("id=\"spend-12-months\">¥300.00<")
                .contains("近12个月付款订单（" + window + "）").contains("id=\"orders-12-months\">2<")
                .contains("本月消费（" + today.withDayOfMonth(1) + " – " + today + "）")
                .contains("id=\"spend-month-to-date\">¥50.00<")
                .contains("累计消费（截至 " + today + "）").contains("id=\"lifetime-spend\">¥750.00<")
                .contains("月度消费（" + month.minusMonths(12) + " – " + month + "，" + month + " 截至 " + today + "）");
        assertThat(activity.of(customer.id(), today).orElseThrow().spendCents()).as("the tiering metric spend_12m")
                .isEqualTo(30_000);
        assertThat(html(get("/customers/{code}", customer.code()).param("lang", "en")))
                .contains("Spend, 12 months (" + window + ")").contains("Spend this month (")
                .contains("Lifetime spend (to " + today + ")");
        mvc.perform(get("/api/v1/customers/{code}/purchase-history", customer.code()))
                .andExpect(jsonPath("$.windowFirstMonth").value(month.minusMonths(12).toString()))
                .andExpect(jsonPath("$.windowLastMonth").value(month.minusMonths(1).toString()))
                .andExpect(jsonPath("$.spendLast12Months").value(300.0))
                .andExpect(jsonPath("$.paidOrdersLast12Months").value(2));
    }

    @Test
    void the360PageSpeaksEnglishToEnglishUsers() throws Exception {
        Customer customer = customers.create(aCustomer().build());

        String page = html(get("/customers/{code}", customer.code()).param("lang", "en"));

        assertThat(page).contains("Lifetime spend").contains("No orders yet.").contains("Person");
    }

    @Test
    void orderAndInteractionTablesPageAsFragments() throws Exception {
        Customer customer = customers.create(aCustomer().build());
        for (int i = 0; i < 11; i++) {
            orders.upsert(anOrder(customer.code()).build());
        }

        String fragment = html(get("/customers/{code}/orders", customer.code()).param("page", "1"));

        assertThat(fragment).startsWith("<section id=\"customer-orders\"").contains("第 2 页，共 2 页");
        assertThat(html(get("/customers/{code}/interactions", customer.code())))
                .startsWith("<section id=\"customer-interactions\"");
    }

    @Test
    void anUnknownCustomerIsNotFound() throws Exception {
        mvc.perform(get("/customers/{code}", unique("NONE"))).andExpect(status().isNotFound());
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8).strip();
    }
}
