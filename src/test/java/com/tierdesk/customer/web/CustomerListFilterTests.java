package com.tierdesk.customer.web;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.CustomerStanding;
import com.tierdesk.customer.CustomerTierTimeline;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.TierTimelineEntry;
import com.tierdesk.customer.TierTimelineEntry.Cause;
import com.tierdesk.shared.BusinessTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The customer list's tier badges and its filters by tier, account manager and churn risk, in the console and the
 * API alike. Tiers come the way they come in production: as entries of the customers' own tier timelines.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CustomerListFilterTests {

    static final Instant RUN_PUBLISHED = Instant.parse("2026-10-01T02:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    CustomerTierTimeline timeline;

    @Autowired
    BusinessTime time;

    String owner;
    Customer lapsedVip;
    Customer activeKey;
    Customer ungraded;

    @BeforeEach
    void portfolio() {
        owner = unique("am");
        LocalDate today = time.today();
        lapsedVip = aCustomer().name("流失贵宾 " + owner).owner(owner).withSpend("12880.50", today.minusDays(100))
                .create(customers, orders);
        activeKey = aCustomer().name("活跃重点 " + owner).owner(owner).withSpend("320.00", today.minusDays(10))
                .create(customers, orders);
        ungraded = aCustomer().name("新客户 " + owner).owner(owner).create(customers, orders);
        timeline.record(List.of(
                new TierTimelineEntry(lapsedVip.id(), RUN_PUBLISHED, "VIP", null, Cause.ASSESSMENT, 900, null),
                new TierTimelineEntry(activeKey.id(), RUN_PUBLISHED, "KEY", null, Cause.ASSESSMENT, 900, null)));
    }

    @Test
    void theCurrentTierIsTheLatestEntryWhateverOrderTheEventsArriveIn() {
        Customer customer = aCustomer().create(customers, orders);
        var override = new TierTimelineEntry(customer.id(), RUN_PUBLISHED.plusSeconds(3600), "VIP", "REGULAR", Cause.OVERRIDE, 7, null);
        var run = new TierTimelineEntry(customer.id(), RUN_PUBLISHED, "REGULAR", null, Cause.ASSESSMENT, 901, null);

        timeline.record(List.of(override));
        timeline.record(List.of(run));
        assertThat(tierOf(customer)).as("the override came later than the run, though its event came first").isEqualTo("VIP");

        timeline.record(List.of(override, run));
        assertThat(tierOf(customer)).as("events delivered again").isEqualTo("VIP");

        timeline.record(List.of(new TierTimelineEntry(customer.id(), RUN_PUBLISHED.plusSeconds(7200), "REGULAR", "VIP",
                Cause.OVERRIDE_ENDED, 7, null)));
        assertThat(tierOf(customer)).isEqualTo("REGULAR");
    }

    @Test
    void churnRiskStartsNinetyDaysAfterTheLastPaidOrder() {
        LocalDate today = time.today();
        Customer ninety = aCustomer().withSpend("10.00", today.minusDays(90)).create(customers, orders);
        Customer eightyNine = aCustomer().withSpend("10.00", today.minusDays(89)).create(customers, orders);
        Customer neverPaid = aCustomer().create(customers, orders);

        var standing = customers.standing(List.of(ninety.id(), eightyNine.id(), neverPaid.id()));

        assertThat(standing.get(ninety.id()).churnRisk()).isTrue();
        assertThat(standing.get(eightyNine.id()).churnRisk()).isFalse();
        assertThat(standing.get(neverPaid.id())).isEqualTo(new CustomerStanding(null, null, false));
    }

    @Test
    void theListShowsEachCustomersTierAsABadgeAndTheChurnRisk() throws Exception {
        String page = html(get("/customers").param("owner", owner));

        assertThat(page).contains("共 3 位客户")
                .contains("data-tier=\"VIP\"").contains("tier-rank-1").contains("VIP 客户")
                .contains("data-tier=\"KEY\"").contains("重点客户")
                .contains("未分级");
        assertThat(row(page, lapsedVip)).contains("流失风险").contains(time.today().minusDays(100).toString());
        assertThat(row(page, activeKey)).doesNotContain("流失风险");
    }

    @Test
    void theListFiltersByTierOwnerAndChurnRisk() throws Exception {
        assertThat(html(get("/customers").param("owner", owner).param("tier", "VIP")))
                .contains("共 1 位客户").contains(lapsedVip.code()).doesNotContain(activeKey.code());
        assertThat(html(get("/customers").param("owner", owner).param("churnRisk", "true")))
                .contains("共 1 位客户").contains(lapsedVip.code()).doesNotContain(ungraded.code());
        assertThat(html(get("/customers").param("owner", owner).param("tier", "KEY").param("churnRisk", "true")))
                .contains("共 0 位客户");
        assertThat(html(get("/customers").param("owner", owner).param("tier", "VIP").header("HX-Request", "true")))
                .startsWith("<section id=\"customer-results\"").contains(lapsedVip.code());
    }

    @Test
    void thePagerKeepsTheFilters() throws Exception {
        for (int i = 0; i < 20; i++) {
            aCustomer().owner(owner).withSpend("1.00", time.today().minusDays(120)).create(customers, orders);
        }

        assertThat(html(get("/customers").param("owner", owner).param("churnRisk", "true")))
                .contains("第 1 页，共 2 页").contains("/customers?owner=" + owner + "&amp;churnRisk=true&amp;page=1");
    }

    @Test
    void theEnglishListWritesTheSameFiguresItsWay() throws Exception {
        String page = html(get("/customers").param("owner", owner).param("lang", "en"));

        assertThat(page).contains("3 customers").contains("Churn risk").contains("Not graded")
                .contains(time.today().minusDays(100).format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy",
                        java.util.Locale.ENGLISH)));
    }

    @Test
    void theApiAcceptsTheSameFilters() throws Exception {
        mvc.perform(get("/api/v1/customers").param("owner", owner).param("tier", "KEY").with(agent()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].code").value(activeKey.code()));
        mvc.perform(get("/api/v1/customers").param("owner", owner).param("churnRisk", "true").with(agent()))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].code").value(lapsedVip.code()));
        mvc.perform(get("/api/v1/customers").param("tier", "X".repeat(33)).with(agent()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("tier"));
        mvc.perform(get("/api/v1/customers").param("churnRisk", "maybe").with(agent()))
                .andExpect(status().isBadRequest());
    }

    private String tierOf(Customer customer) {
        return customers.standing(List.of(customer.id())).get(customer.id()).tier();
    }

    private static String row(String page, Customer customer) {
        int start = page.indexOf("id=\"customer-" + customer.code() + "\"");
        assertThat(start).as("the row of " + customer.code()).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(agent())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor agent() {
        return user("agent").roles("AGENT");
    }
}
