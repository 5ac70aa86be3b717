package com.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.Consent;
import com.tierdesk.customer.CustomerDraft;
import com.tierdesk.customer.CustomerKind;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.OrderDraft;
import com.tierdesk.customer.OrderStatus;
import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
class CustomerBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Test
    void agentSearchesACustomerAndOpensTheCustomer360() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String code = "CB" + suffix;
        String name = "欧阳明月" + suffix;
        customers.create(new CustomerDraft(code, name, CustomerKind.PERSON, "electronics", null, "13912345678",
                "ouyang@example.com", "浙江", null, LocalDate.of(2024, 5, 1), null, null, Consent.NONE, List.of("vip-prospect")));
        orders.upsert(new OrderDraft("OB" + suffix, code, new BigDecimal("2599.00"), BigDecimal.ZERO,
                Instant.parse("2026-10-01T02:00:00Z"), Instant.parse("2026-10-01T02:20:00Z"), OrderStatus.DELIVERED));

        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signInAsNewUser(accounts, Role.AGENT, "林客服");
            browser.find(By.linkText("客户")).click();

            browser.find(By.id("customer-search")).sendKeys(name);
            By result = By.xpath("//tr[contains(., '" + name + "')]//a[contains(@class,'customer-link')]");
            browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("a.customer-link"), 1));
            browser.find(result).click();

            browser.waitUntil(ExpectedConditions.urlContains("/customers/" + code));
            assertThat(browser.find(By.id("customer-name")).getText()).contains(name);
            assertThat(browser.find(By.tagName("main")).getText()).contains("OB" + suffix).contains("vip-prospect");
        }
    }
}
