package com.tierdesk;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerBuilder;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.tiering.AssessmentRun;
import com.tierdesk.tiering.Assessments;
import com.tierdesk.tiering.MovesFixture;
import com.tierdesk.tiering.RunDecisions;
import com.tierdesk.tiering.ScoringModels;
import com.tierdesk.tiering.internal.RunApprovals;
import com.tierdesk.tiering.AssessmentResults;
import com.tierdesk.tiering.RunId;
import com.tierdesk.tiering.TierExplanation;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@BrowserTest
class TieringBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    CustomerActivity activity;

    @Autowired
    Assessments assessments;

    @Autowired
    AssessmentResults results;

    @Autowired
    RunApprovals approvals;

    @Autowired
    RunDecisions decisions;

    @Autowired
    ScoringModels models;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSupervisorRunsAnAssessmentAnotherApprovesItWithANoteAndTheCustomer360ShowsTheNewTierWhyAndTheNote() {
        YearMonth month = YearMonth.from(activity.today());
        CustomerBuilder buyer = aCustomer().name("诸葛明");
        for (int i = 1; i <= 4; i++) {
            buyer.withSpend("3000.00", month.minusMonths(i).atDay(12));
        }
        Customer customer = buyer.create(customers, orders);

        try (BrowserSession browser = BrowserSession.open(port)) {
            // A supervisor starts a run for the customer and follows it to its diff.
            browser.signInAsNewUser(accounts, Role.SUPERVISOR, "周主管");
            browser.find(By.linkText("客户分级")).click();
            browser.find(By.id("run-codes")).sendKeys(customer.code());
            browser.find(By.id("start-run-button")).click();
            browser.waitUntil(ExpectedConditions.urlMatches("/tiering/runs/\\d+$"));
            String runPath = browser.currentPath();
            assertThat(browser.find(By.cssSelector("#run-progress .progress-bar")).isDisplayed()).isTrue();
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("run-summary")));
            assertThat(browser.find(By.cssSelector("#run-progress .progress-bar")).getText()).isEqualTo("100%");
            assertThat(browser.find(By.cssSelector("#count-new strong")).getText()).isEqualTo("1");
            assertThat(browser.texts(By.cssSelector("#results-table tbody tr[data-customer]"))).singleElement()
                    .asString().contains(customer.code()).contains("新客户");
            assertThat(browser.find(By.id("own-run")).getText()).contains("另一位主管");
            awaitChart(browser, "#run-distribution-chart");
            browser.signOut();

            // Another supervisor opens the rejection and leaves it with Escape, then approves it through the
            // confirmation with a note; the page follows the publication.
            browser.signInAsNewUser(accounts, Role.SUPERVISOR, "王主管");
            browser.find(By.linkText("客户分级")).click();
            browser.find(By.cssSelector("#queue-runs a[href='" + runPath + "']")).click();
            browser.find(By.id("reject-run")).click();
            assertThat(browser.find(By.id("reject-question")).getText()).contains("所有客户的层级保持不变");
            browser.waitUntil(driver -> driver.switchTo().activeElement().getAttribute("id").equals("reject-note"));
            browser.find(By.id("reject-note")).sendKeys(Keys.ESCAPE);
            browser.find(By.id("approve-run")).click();
            assertThat(browser.find(By.id("approve-question")).getText()).contains("批准分级评估").contains("1 位新客户");
            browser.find(By.id("approve-note")).sendKeys("复核无误，按季度发布");
            browser.find(By.id("confirm-approve")).click();
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("published")));
            assertThat(browser.find(By.id("published")).getText()).contains("已批准");

            // The customer 360 page shows the new tier and why.
            TierExplanation explanation = results.explain(RunId.of(Long.parseLong(runPath.substring(runPath.lastIndexOf('/') + 1))),
                    customer.id());
            browser.visit("/customers/" + customer.code());
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("tier-now")));
            assertThat(browser.find(By.cssSelector("#tier-now .tier-badge")).getAttribute("data-tier"))
                    .isEqualTo(explanation.tier());
            assertThat(browser.find(By.cssSelector("#tier-explanation .decision")).getText()).startsWith("得分 ");
            assertThat(browser.texts(By.cssSelector("#tier-explanation .contribution-table tbody tr"))).hasSize(9)
                    .first().asString().contains("近 12 个月消费").contains("¥12,000.00");
            awaitChart(browser, "#tier-explanation canvas");
            assertThat(browser.find(By.cssSelector("#tier-timeline a")).getAttribute("href")).endsWith(runPath);
            assertThat(browser.find(By.cssSelector("#tier-timeline .timeline-note")).getText())
                    .isEqualTo("备注：复核无误，按季度发布");
            assertThat(browser.find(By.id("customer-name")).getText()).isEqualTo("诸葛明");
        }
    }

    @Test
    void aCustomerMovedOnlyByThePopulationShowsThatCauseOnTheRunPageAndInTheExplanation() {
        var moves = new MovesFixture(assessments, approvals, decisions, models, customers, orders, jdbc, activity.today());
        BigDecimal monthly = moves.aboveEverybody();
        Customer steady = moves.bigBuyer("司马稳", monthly);
        AssessmentRun first = moves.assessAndPublish();
        moves.addBiggerBuyers(first, monthly);
        AssessmentRun second = moves.assess();

        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signInAsNewUser(accounts, Role.SUPERVISOR, "周主管");
            browser.visit("/tiering/runs/" + second.id());
            assertThat(browser.find(By.id("moves-DOWNGRADE")).getText()).contains("降级").contains("因其他客户");
            browser.find(By.id("moves-DOWNGRADE-POPULATION")).click();
            browser.waitUntil(ExpectedConditions.urlContains("cause=POPULATION"));
            assertThat(browser.find(By.id("filter-cause")).getAttribute("value")).isEqualTo("POPULATION");
            WebElement row = browser.find(By.cssSelector("#results-table tr[data-customer='" + steady.code() + "']"));
            assertThat(row.findElement(By.cssSelector("td.cause")).getText()).isEqualTo("其他客户");
            assertThat(row.getText()).contains("VIP");
            row.findElement(By.cssSelector("td.point-changes button")).click();
            browser.waitUntil(ExpectedConditions.visibilityOfNestedElementsLocatedBy(row,
                    By.cssSelector("td.point-changes .contribution-change")));
            assertThat(row.findElements(By.cssSelector("td.point-changes tbody tr"))).hasSize(2);

            row.findElement(By.cssSelector("a.explanation-link")).click();
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("explanation-move")));
            assertThat(browser.find(By.id("explanation-move")).getText()).startsWith("层级变动来自其他客户");
            assertThat(browser.find(By.id("explanation-previous")).getText()).contains("原得分");
        }
    }

    /** Waits until Chart.js has drawn a chart on the canvas. */
    private static void awaitChart(BrowserSession browser, String canvas) {
        browser.waitUntil(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return typeof Chart !== 'undefined' && !!Chart.getChart(document.querySelector(arguments[0]));", canvas));
    }
}
