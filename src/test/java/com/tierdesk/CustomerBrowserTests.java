package com.tierdesk;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.OrderStatus;
import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccounts;
import java.time.LocalDate;
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
        customers.create(aCustomer().code(code).name(name).industry("electronics").phone("13912345678")
                .email("ouyang@example.com").region("浙江").registeredOn(LocalDate.of(2024, 5, 1)).tags("vip-prospect").build());
        orders.upsert(anOrder(code).externalId("OB" + suffix).amount("2599.00").status(OrderStatus.DELIVERED)
                .paidMinutesAfter("2026-10-01T02:00:00Z", 20).build());

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
