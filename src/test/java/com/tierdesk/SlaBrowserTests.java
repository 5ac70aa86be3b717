package com.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccounts;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
class SlaBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Test
    void supervisorEditsACalendarAndComputesADeadlineAcrossTheSpringFestival() {
        String code = "lunch-" + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signInAsNewUser(accounts, Role.SUPERVISOR, "王主管");

            // A calendar like business, with a lunch break on weekdays.
            browser.find(By.linkText("营业日历")).click();
            browser.find(By.id("new-code")).sendKeys(code);
            browser.find(By.id("new-name")).sendKeys("午休日历");
            browser.find(By.cssSelector("#new-calendar button[type=submit]")).click();
            browser.waitUntil(ExpectedConditions.urlContains("/sla/calendars/" + code));
            for (String day : new String[] {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) {
                WebElement hours = browser.find(By.id("hours-" + day));
                hours.clear();
                hours.sendKeys("09:00-12:00, 13:00-18:00");
            }
            browser.find(By.id("save-calendar")).click();
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert.success")));
            assertThat(browser.find(By.id("hours-FRIDAY")).getAttribute("value")).isEqualTo("09:00-12:00, 13:00-18:00");

            // A Regular complaint on the Friday before the Spring Festival 2026, counted on that calendar.
            browser.find(By.linkText("时限计算")).click();
            new Select(browser.find(By.id("calc-tier"))).selectByValue("REGULAR");
            new Select(browser.find(By.id("calc-type"))).selectByValue("COMPLAINT");
            new Select(browser.find(By.id("calc-calendar"))).selectByValue(code);
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2026-02-13T17:30'",
                    browser.find(By.id("calc-start")));
            browser.find(By.id("calculate")).click();

            // 0.5 h Friday, 8 h on the make-up Saturday, the holiday skipped, 8 h Tuesday, 7.5 h Wednesday.
            String due = browser.find(By.cssSelector("#deadlines tr[data-target=RESOLUTION] td.due")).getText();
            assertThat(due).isEqualTo("2026-02-25 17:30:00");
            assertThat(browser.texts(By.cssSelector("#trace li"))).contains(
                    "周五 2026-02-13 17:30–18:00 30 分钟",
                    "周六 2026-02-14 调休上班日（春节调休 Spring Festival make-up day）09:00–12:00 3 小时",
                    "周六 2026-02-14 调休上班日（春节调休 Spring Festival make-up day）13:00–18:00 5 小时",
                    "周日 2026-02-15 – 周一 2026-02-23 节假日 春节 Spring Festival，跳过",
                    "周三 2026-02-25 13:00–17:30 4 小时 30 分钟",
                    "→ 截止 周三 2026-02-25 17:30（Asia/Shanghai）");
        }
    }

    @Test
    void anAgentCountsSixteenBusinessHoursAcrossTheSpringFestivalInChinese() {
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signInAsNewUser(accounts, Role.AGENT, "李坐席");
            browser.find(By.linkText("时限计算")).click();
            browser.find(By.id("mode-duration")).click();
            new Select(browser.find(By.id("calc-calendar"))).selectByValue("business");
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2026-02-13T17:30'",
                    browser.find(By.id("calc-start")));

            // Without a duration the form says so, in Chinese.
            browser.find(By.id("calculate")).click();
            assertThat(browser.texts(By.cssSelector("#calculator-problems li")))
                    .containsExactly("时长须大于零，且不超过 366 天。");

            browser.find(By.id("calc-hours")).sendKeys("16");
            browser.find(By.id("calculate")).click();

            // 30 min Friday, 9 h on the make-up Saturday, the holiday skipped, 6 h 30 min on Tuesday.
            assertThat(browser.find(By.cssSelector("#deadlines tr[data-target=DURATION] td.due")).getText())
                    .isEqualTo("2026-02-24 15:30:00");
            assertThat(browser.texts(By.cssSelector("#trace li"))).startsWith(
                    "时长：自 周五 2026-02-13 17:30 起，在日历 business 上计 16 小时 工作时间",
                    "日历 business（工作日 Business hours），时区 Asia/Shanghai").containsSubsequence(
                    "无暂停",
                    "周五 2026-02-13 17:30–18:00 30 分钟",
                    "周六 2026-02-14 调休上班日（春节调休 Spring Festival make-up day）09:00–18:00 9 小时",
                    "周日 2026-02-15 – 周一 2026-02-23 节假日 春节 Spring Festival，跳过",
                    "周二 2026-02-24 09:00–15:30 6 小时 30 分钟",
                    "→ 截止 周二 2026-02-24 15:30（Asia/Shanghai）");
            assertThat(browser.find(By.id("mode-duration")).isSelected()).isTrue();
        }
    }
}
