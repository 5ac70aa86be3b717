package com.tierdesk;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.CustomerTierTimeline;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.TierTimelineEntry;
import com.tierdesk.customer.TierTimelineEntry.Cause;
import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccount;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.task.TaskDraft;
import com.tierdesk.task.TaskKind;
import com.tierdesk.task.Tasks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The home page in Chinese as an agent and an account manager see it after signing in. */
@BrowserTest
class HomeBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    CustomerTierTimeline timeline;

    @Autowired
    Tasks tasks;

    @Autowired
    BusinessTime time;

    @Test
    void anAgentsHomeShowsTheirTasks() {
        try (BrowserSession browser = BrowserSession.open(port)) {
            UserAccount agent = browser.signInAsNewUser(accounts, Role.AGENT, "林客服");
            Customer customer = customers.create(aCustomer().name("回访张女士").build());
            tasks.create(new TaskDraft(TaskKind.CHURN_WARNING, customer.id(), "电话回访张女士", null, agent.username(),
                    time.today().plusDays(2), "browser-home:" + agent.username()));

            browser.visit("/");

            String myTasks = browser.find(By.id("my-tasks")).getText();
            assertThat(myTasks).contains("我的待办任务").contains("电话回访张女士").contains(customer.code())
                    .contains(time.today().plusDays(2).toString());
            assertThat(browser.find(By.id("ticket-queue")).getText()).contains("我的工单队列");
            assertThat(browser.driver().findElements(By.id("portfolio"))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("a[href='/imports']"))).as("agents do not import").isEmpty();

            browser.find(By.linkText(customer.code() + " 回访张女士")).click();
            browser.waitUntil(ExpectedConditions.urlContains("/customers/" + customer.code()));
        }
    }

    @Test
    void anAccountManagersHomeShowsTheirPortfolioByTier() {
        try (BrowserSession browser = BrowserSession.open(port)) {
            UserAccount manager = browser.signInAsNewUser(accounts, Role.ACCOUNT_MANAGER, "李经理");
            Customer vip = aCustomer().name("贵宾王先生").owner(manager.username())
                    .withSpend("26800.00", time.today().minusDays(95)).create(customers, orders);
            Customer key = aCustomer().name("重点赵女士").owner(manager.username())
                    .withSpend("1999.00", time.today().minusDays(3)).create(customers, orders);
            Instant published = Instant.parse("2026-10-01T02:00:00Z");
            timeline.record(List.of(new TierTimelineEntry(vip.id(), published, "VIP", null, Cause.ASSESSMENT, 88, null),
                    new TierTimelineEntry(key.id(), published, "KEY", null, Cause.ASSESSMENT, 88, null)));

            browser.visit("/");

            assertThat(browser.find(By.id("portfolio-total")).getText()).isEqualTo("共 2 位客户");
            assertThat(browser.find(By.id("portfolio-VIP")).getText()).contains("VIP 客户").contains("1").contains("50%");
            assertThat(browser.find(By.id("portfolio-KEY")).getText()).contains("重点客户");
            assertThat(browser.find(By.id("portfolio-churn")).getText()).isEqualTo("1 位客户有流失风险（90 天及以上没有已支付订单）");

            browser.find(By.cssSelector("#portfolio-churn a")).click();
            browser.waitUntil(ExpectedConditions.urlContains("churnRisk=true"));
            assertThat(browser.find(By.id("customer-results")).getText()).contains("贵宾王先生").contains("流失风险")
                    .doesNotContain("重点赵女士");
            assertThat(browser.find(By.cssSelector("#customer-" + vip.code() + " .tier-badge")).getText()).isEqualTo("VIP 客户");
        }
    }
}
