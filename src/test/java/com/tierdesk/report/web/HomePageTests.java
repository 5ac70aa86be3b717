package com.tierdesk.report.web;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.CustomerTierTimeline;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.TierTimelineEntry;
import com.tierdesk.customer.TierTimelineEntry.Cause;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.task.TaskDraft;
import com.tierdesk.task.TaskKind;
import com.tierdesk.task.Tasks;
import com.tierdesk.tiering.TierOverrides;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Each role's home page shows its own work and figures, and nothing of the others'. */
@SpringBootTest
@AutoConfigureMockMvc
class HomePageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    CustomerTierTimeline timeline;

    @Autowired
    Tasks tasks;

    @Autowired
    TierOverrides overrides;

    @Autowired
    BusinessTime time;

    @Test
    void anAgentSeesTheirOpenTasksAndWhereTheirQueueWillBe() throws Exception {
        String agent = unique("agent");
        Customer customer = customers.create(aCustomer().name("回访客户").build());
        tasks.create(new TaskDraft(TaskKind.CHURN_WARNING, customer.id(), "致电 " + agent, null, agent,
                time.today().minusDays(1), "home:" + agent));

        String page = home(agent, "AGENT");

        assertThat(page).contains("id=\"my-tasks\"").contains("致电 " + agent).contains(customer.code())
                .contains("已逾期").contains(time.today().minusDays(1).toString())
                .contains("id=\"ticket-queue\"")
                .doesNotContain("id=\"portfolio\"").doesNotContain("id=\"approval-queue\"")
                .doesNotContain("id=\"background-work\"");
    }

    @Test
    void anAccountManagerSeesTheirPortfolioByTierWithChurnWarnings() throws Exception {
        String manager = unique("am");
        Customer vip = aCustomer().owner(manager).withSpend("15800.00", time.today().minusDays(120)).create(customers, orders);
        Customer key = aCustomer().owner(manager).withSpend("900.00", time.today().minusDays(5)).create(customers, orders);
        aCustomer().owner(manager).create(customers, orders);
        Instant published = Instant.parse("2026-10-01T02:00:00Z");
        timeline.record(List.of(new TierTimelineEntry(vip.id(), published, "VIP", null, Cause.ASSESSMENT, 77, null),
                new TierTimelineEntry(key.id(), published, "KEY", null, Cause.ASSESSMENT, 77, null)));

        String page = home(manager, "ACCOUNT_MANAGER");

        assertThat(page).contains("id=\"portfolio\"").contains("共 3 位客户")
                .contains("id=\"portfolio-VIP\"").contains("VIP 客户")
                .contains("/customers?owner=" + manager + "&amp;tier=VIP")
                .contains("尚未分级")
                .contains("1 位客户有流失风险").contains("/customers?owner=" + manager + "&amp;churnRisk=true")
                .doesNotContain("id=\"ticket-queue\"").doesNotContain("id=\"approval-queue\"");
        assertThat(section(page, "portfolio-VIP")).contains(">1<").contains("50%");
    }

    @Test
    void aSupervisorSeesTheApprovalQueueTheDistributionAndTheLatestTriggers() throws Exception {
        String manager = unique("am");
        Customer customer = customers.create(aCustomer().owner(manager).build());
        overrides.request(customer.code(), "VIP", "年度大客户", time.today().plusDays(30), manager);

        String page = home(unique("lead"), "SUPERVISOR");

        assertThat(page).contains("id=\"approval-queue\"").contains("客户 " + customer.code() + " 的等级调整：VIP 客户")
                .contains("id=\"tier-distribution\"").contains("id=\"distribution-VIP\"").contains("观察客户")
                .contains("id=\"latest-triggers\"")
                .doesNotContain("id=\"background-work\"").doesNotContain("id=\"ticket-queue\"");
    }

    @Test
    void anAdministratorSeesTheStateOfBackgroundWork() throws Exception {
        String page = home(unique("admin"), "ADMIN");

        assertThat(page).contains("id=\"background-work\"").contains("id=\"scheduled-tasks\"")
                .contains("id=\"incomplete-publications\"").contains("href=\"/api/v1/event-publications\"")
                .contains("失败的评估").contains("调度任务")
                .contains("id=\"approval-queue\"").contains("href=\"/admin/tokens\"");
    }

    @Test
    void theEnglishHomeWritesFiguresTheEnglishWay() throws Exception {
        String agent = unique("agent");
        tasks.create(new TaskDraft(TaskKind.CHURN_WARNING, null, "Call back " + agent, null, agent,
                time.today().plusDays(2), "home-en:" + agent));

        String page = mvc.perform(get("/").param("lang", "en").with(user(agent).roles("AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("My open tasks").contains("Call back " + agent)
                .contains(time.today().plusDays(2).format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy",
                        java.util.Locale.ENGLISH)));
    }

    private String home(String username, String role) throws Exception {
        return mvc.perform(get("/").with(user(username).roles(role))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
