package com.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
class ConsoleShellBrowserTests {

    private static final By NAVIGATION = By.cssSelector("nav.topnav a");

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Test
    void supervisorSignsInSwitchesToEnglishAndSignsOut() {
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.visit("/");
            assertThat(browser.currentPath()).startsWith("/login");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("登录 TierDesk");

            browser.signInAsNewUser(accounts, Role.SUPERVISOR, "周主管");

            assertThat(browser.currentPath()).as("the page asked for first").matches("/(\\?continue)?");
            assertThat(browser.find(By.id("welcome")).getText()).isEqualTo("欢迎，周主管");
            assertThat(browser.texts(NAVIGATION)).containsExactly("工作台", "客户", "客户分级", "工单", "退换货", "任务", "知识库", "数据导入",
                    "营业日历", "SLA 策略", "时限计算", "API 文档");
            assertThat(browser.find(By.cssSelector(".user .role")).getText()).isEqualTo("客服主管");

            browser.find(By.linkText("English")).click();
            browser.waitUntil(ExpectedConditions.textToBe(By.id("welcome"), "Welcome, 周主管"));
            assertThat(browser.texts(NAVIGATION)).containsExactly("Dashboard", "Customers", "Tiering", "Tickets", "Returns", "Tasks",
                    "Knowledge base", "Import", "Calendars", "SLA policies", "Deadlines", "API docs");
            assertThat(browser.find(By.cssSelector(".user .role")).getText()).isEqualTo("Supervisor");

            browser.signOut();
            assertThat(browser.currentPath()).isEqualTo("/login?logout");
            assertThat(browser.find(By.cssSelector(".alert.info")).getText()).isEqualTo("You have signed out.");
            browser.visit("/");
            assertThat(browser.currentPath()).startsWith("/login");
        }
    }

    @Test
    void administratorCreatesAServiceAccountIssuesItATokenShownOnceAndRevokesIt() {
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signInAsNewUser(accounts, Role.ADMIN, "Admin Browser");
            browser.visit("/?lang=en");
            browser.find(By.linkText("API tokens")).click();
            String service = "browser-" + System.nanoTime();

            browser.find(By.id("account-name")).sendKeys(service);
            browser.find(By.id("account-display-name")).sendKeys("Browser integration");
            browser.find(By.cssSelector("form[action$='/admin/service-accounts'] button[type=submit]")).click();
            assertThat(browser.find(By.cssSelector("#service-accounts .alert.info")).getText())
                    .isEqualTo("Service account " + service + " created.");

            browser.find(By.id("token-name")).sendKeys("browser integration");
            browser.find(By.cssSelector("#token-account option[value='" + service + "']")).click();
            browser.find(By.cssSelector("#token-role option[value=AGENT]")).click();
            browser.find(By.cssSelector("form[action$='/admin/tokens'] button[type=submit]")).click();

            String plaintext = browser.find(By.id("issued-token")).getText();
            assertThat(plaintext).startsWith("tdk_").hasSizeGreaterThan(50);
            String prefix = plaintext.substring(4, 16);

            browser.visit("/admin/tokens");
            assertThat(browser.driver().getPageSource()).contains("tdk_" + prefix).doesNotContain(plaintext);
            assertThat(browser.find(By.xpath("//tr[td/code[text()='tdk_" + prefix + "']]/td[3]")).getText()).isEqualTo(service);
            browser.find(By.xpath("//tr[td/code[text()='tdk_" + prefix + "']]//button")).click();
            assertThat(browser.find(By.cssSelector(".alert.info")).getText()).isEqualTo("Token tdk_" + prefix + " revoked.");
        }
    }
}
