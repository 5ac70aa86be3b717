package com.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console's error pages and page chrome as a reader sees them, in Chinese (the default). */
@BrowserTest
class ErrorPagesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Test
    void anUnknownCustomersAddressShowsTheConsoles404PageInChineseWithAWayBack() {
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signInAsNewUser(accounts, Role.AGENT, "王坐席");
            browser.visit("/customers");
            ((JavascriptExecutor) browser.driver()).executeScript("location.href = '/customers/NOPE999'");
            browser.waitUntil(driver -> driver.getTitle().startsWith("找不到页面"));

            assertThat(browser.driver().getTitle()).isEqualTo("找不到页面 · TierDesk");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("找不到页面");
            assertThat(browser.find(By.id("error-status")).getText()).isEqualTo("错误 404");
            assertThat(browser.find(By.id("error-text")).getText()).contains("不存在");
            assertThat(browser.find(By.cssSelector(".user-name")).getText()).as("in the layout, signed in").isEqualTo("王坐席");
            assertThat(browser.find(By.id("error-back")).getText()).isEqualTo("返回上一页");

            browser.find(By.id("error-back")).click();
            browser.waitUntil(driver -> browser.currentPath().equals("/customers"));
            browser.visit("/customers/NOPE999");
            browser.find(By.id("error-home")).click();
            browser.waitUntil(driver -> browser.currentPath().equals("/"));
        }
    }

    @Test
    void anAgentsForbiddenPagesShowAChinese403Page() {
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signInAsNewUser(accounts, Role.AGENT, "李坐席");

            for (String forbidden : new String[] {"/admin/tokens", "/tiering/models/new"}) {
                browser.visit(forbidden);

                assertThat(browser.driver().getTitle()).as(forbidden).isEqualTo("无权访问 · TierDesk");
                assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("无权访问");
                assertThat(browser.find(By.id("error-status")).getText()).isEqualTo("错误 403");
                assertThat(browser.driver().getPageSource()).doesNotContain("Whitelabel", "Forbidden");
                assertThat(browser.find(By.id("error-home")).getText()).isEqualTo("回到工作台");
            }
        }
    }

    @Test
    void pageTitlesEndWithTierDeskOnceAndTheSearchPlaceholderFitsItsBox() {
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signInAsNewUser(accounts, Role.SUPERVISOR, "周主管");
            for (String language : new String[] {"zh-CN", "en"}) {
                browser.visit("/customers?lang=" + language);
                assertThat(browser.driver().getTitle()).isEqualTo(language.equals("en") ? "Customers · TierDesk" : "客户 · TierDesk");
                Number room = (Number) ((JavascriptExecutor) browser.driver()).executeScript("""
                        const input = document.getElementById('customer-search');
                        const style = getComputedStyle(input);
                        const context = document.createElement('canvas').getContext('2d');
                        context.font = style.font;
                        return input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
                            - context.measureText(input.placeholder).width;""");
                assertThat(room.doubleValue()).as("room left beside the placeholder in " + language).isPositive();
            }
            for (String page : new String[] {"/tasks", "/", "/tiering", "/sla/policies"}) {
                browser.visit(page + "?lang=zh-CN");
                assertThat(browser.driver().getTitle()).as(page).endsWith(" · TierDesk").doesNotContain("TierDesk · TierDesk");
            }
        }
    }
}
