package com.tierdesk;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.Customers;
import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccount;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.TicketType;
import com.tierdesk.ticket.IntakeChannel;
import com.tierdesk.ticket.Requester;
import com.tierdesk.ticket.TicketDraft;
import com.tierdesk.ticket.TicketId;
import com.tierdesk.ticket.Tickets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A supervisor saves a view of the unassigned queue and hands its three tickets to an agent in one bulk change. */
@BrowserTest
class TicketViewBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Customers customers;

    @Autowired
    Tickets tickets;

    @Test
    void aSupervisorSavesAViewOfTheUnassignedAndBulkAssignsItsThreeTicketsToAnAgent() {
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signInAsNewUser(accounts, Role.SUPERVISOR, "周主管");
            UserAccount agent = accounts.create("agent-" + UUID.randomUUID().toString().substring(0, 8), "李客服",
                    "browser-" + UUID.randomUUID(), Role.AGENT);
            Customer customer = customers.create(aCustomer().name("社交渠道客户").build());
            List<Long> three = Stream.of("微博私信：退货", "微博私信：换货", "微博私信：发票")
                    .map(subject -> unassigned(customer, subject)).toList();

            browser.visit("/tickets/unassigned?channel=SOCIAL&type=COMPLAINT");
            browser.find(By.cssSelector("#save-view summary")).click();
            browser.find(By.id("view-name")).sendKeys("微博投诉");
            new Select(browser.find(By.id("view-sort"))).selectByValue("DUE_LAST");
            browser.find(By.id("save-view-submit")).click();
            browser.waitUntil(ExpectedConditions.urlMatches("/tickets/views/\\d+$"));
            assertThat(browser.find(By.id("view-title")).getText()).isEqualTo("微博投诉");
            for (long id : three) {
                browser.find(By.id("queue-ticket-" + id));
            }

            browser.find(By.id("bulk-select-all")).click();
            new Select(browser.find(By.id("bulk-action"))).selectByValue("ASSIGN");
            new Select(browser.find(By.id("bulk-assignee"))).selectByValue(agent.username());
            browser.find(By.id("bulk-apply")).click();

            assertThat(browser.find(By.id("bulk-summary")).getText()).startsWith("已更改 ");
            for (long id : three) {
                browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("queue-ticket-" + id)));
                assertThat(tickets.get(TicketId.of(id)).ticket().assignee()).isEqualTo(agent.username());
            }
        }
    }

    /** A social-media complaint nobody holds: assignment may give a new ticket to whoever is on duty. */
    private long unassigned(Customer customer, String subject) {
        var ticket = tickets.create(new TicketDraft(IntakeChannel.SOCIAL, customer.code(),
                new Requester("周女士", null, "13800000000"), subject, TicketType.COMPLAINT, Priority.NORMAL,
                "请尽快处理", List.of(), List.of(), null), null, "intake").ticket().ticket();
        if (ticket.assignee() != null) {
            tickets.reassign(ticket.id(), ticket.version(), null, "intake");
        }
        return ticket.id().value();
    }
}
