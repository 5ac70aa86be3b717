package com.tierdesk;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.tierdesk.customer.Customer;
import com.tierdesk.customer.Customers;
import com.tierdesk.security.ApiTokens;
import com.tierdesk.security.IssuedToken;
import com.tierdesk.security.Role;
import com.tierdesk.security.TestAccounts;
import com.tierdesk.security.UserAccount;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FigureFormat;
import com.tierdesk.tiering.TierOverride;
import com.tierdesk.tiering.TierOverrides;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A VIP complaint from an integration, worked to its end in Chinese by the customer's account manager. */
@BrowserTest
class TicketBrowserTests {

    /** The shipped SLA matrix (V22): a VIP complaint, on the 24x7 calendar. */
    private static final Duration VIP_COMPLAINT_FIRST_RESPONSE = Duration.ofMinutes(30);
    private static final Duration VIP_COMPLAINT_RESOLUTION = Duration.ofHours(2);

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Customers customers;

    @Autowired
    TierOverrides overrides;

    @Autowired
    BusinessTime time;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aVipComplaintFromTheApiReachesTheAccountManagersQueueAndIsAnsweredAndSolvedInTime() throws Exception {
        try (BrowserSession browser = BrowserSession.open(port)) {
            UserAccount manager = browser.signInAsNewUser(accounts, Role.ACCOUNT_MANAGER, "李经理");
            Customer vip = customers.create(aCustomer().name("贵宾周先生").owner(manager.username()).build());
            gradeVip(vip);
            var testAccounts = new TestAccounts(accounts, tokens);
            IssuedToken integration = testAccounts.token(testAccounts.service(Role.AGENT), Role.AGENT);
            IssuedToken supervisor = testAccounts.token(testAccounts.person(Role.SUPERVISOR), Role.SUPERVISOR);

            DocumentContext created = send(integration, "/api/v1/tickets", null, """
                    {"channel": "API", "customer": "%s", "requester": {"name": "周先生", "phone": "13900000000"},
                     "subject": "到货商品破损", "type": "COMPLAINT", "priority": "HIGH",
                     "description": "收到的茶具有两只杯子碎了，请尽快处理。"}
                    """.formatted(vip.code()), 201);
            long id = ((Number) created.read("$.ticket.id")).longValue();
            Instant openedAt = Instant.parse(created.read("$.ticket.createdAt"));
            // Assignment rules (the VIP's dedicated account manager first) are not in place yet: a supervisor hands
            // the ticket to the customer's owner through the API, as the rules will.
            send(supervisor, "/api/v1/tickets/" + id + "/assignee", "\"0\"",
                    "{\"assignee\": \"" + manager.username() + "\"}", 200);

            var figures = new FigureFormat(Locale.SIMPLIFIED_CHINESE, time.zone());
            String firstResponseDue = figures.dateTime(openedAt.plus(VIP_COMPLAINT_FIRST_RESPONSE));
            String resolutionDue = figures.dateTime(openedAt.plus(VIP_COMPLAINT_RESOLUTION));

            browser.visit("/tickets");
            String row = browser.find(By.id("queue-ticket-" + id)).getText();
            assertThat(row).contains("到货商品破损").contains(vip.code()).contains("VIP").contains("投诉")
                    .contains("首次响应").contains(firstResponseDue).contains("正常").contains("还剩");
            assertThat(browser.find(By.cssSelector("#queue-ticket-" + id + " .badge")).getAttribute("class"))
                    .contains("risk-ON_TRACK");

            browser.find(By.linkText("到货商品破损")).click();
            browser.waitUntil(ExpectedConditions.urlMatches("/tickets/" + id + "$"));
            assertThat(browser.find(By.id("target-FIRST_RESPONSE")).getText()).contains(firstResponseDue);
            assertThat(browser.find(By.id("target-RESOLUTION")).getText()).contains(resolutionDue);
            assertThat(browser.find(By.id("ticket-assignee")).getText()).isEqualTo(manager.username());

            browser.find(By.id("reply-body")).sendKeys("周先生您好，非常抱歉，新的茶具今天已为您补发。");
            browser.find(By.cssSelector("#reply-form button[type=submit]")).click();
            assertThat(browser.find(By.id("ticket-done")).getText()).isEqualTo("回复已发送。");
            assertThat(browser.find(By.cssSelector("#ticket-conversation .message-PUBLIC_REPLY")).getText())
                    .contains("公开回复").contains("新的茶具今天已为您补发");

            new Select(browser.find(By.id("status-to"))).selectByValue("SOLVED");
            browser.find(By.cssSelector("#status-form button[type=submit]")).click();
            assertThat(browser.find(By.id("ticket-done")).getText()).isEqualTo("状态已更改。");
            assertThat(browser.find(By.id("ticket-status")).getText()).isEqualTo("已解决");
            assertThat(browser.find(By.cssSelector("#target-FIRST_RESPONSE .target-status")).getText()).isEqualTo("已达成");
            assertThat(browser.find(By.cssSelector("#target-RESOLUTION .target-status")).getText()).isEqualTo("已达成");

            browser.visit("/tickets");
            browser.find(By.id("queue-total"));
            assertThat(browser.driver().findElements(By.id("queue-ticket-" + id))).as("a solved ticket leaves the queue")
                    .isEmpty();
        }
    }

    private void gradeVip(Customer customer) {
        TierOverride requested = overrides.request(customer.code(), "VIP", "browser test", time.today().plusDays(30),
                "manager");
        overrides.approve(requested.id(), "supervisor", null);
    }

    /** Calls the API over HTTP as the token, expecting the status, and reads the JSON answer. */
    private DocumentContext send(IssuedToken token, String path, String ifMatch, String json, int expected)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestAccounts.bearer(token)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return JsonPath.parse(response.body());
    }
}
