package com.tierdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** The triage page opens the ticket of a stranger's mail for a customer it creates; the mailbox page tests a login. */
@SpringBootTest(properties = {"tierdesk.scheduler.execute=false", "tierdesk.mail.inbound.host=127.0.0.1",
        "tierdesk.mail.inbound.port=39144", "tierdesk.mail.inbound.ssl=false"})
@AutoConfigureMockMvc
class MailConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    InboundMail inbound;

    @Autowired
    Customers customers;

    @Test
    @WithMockUser(username = "agent.li", roles = "AGENT")
    void anAgentCreatesTheCustomerOfAMailInTriageAndItsTicketOpens() throws Exception {
        String stranger = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        inbound.receive(RawMail.from(stranger, "<" + UUID.randomUUID() + "@example.org>").subject("想咨询批发价格", "GBK", "B")
                .text("请报价", "GBK", "base64").bytes());
        long id = inbound.triage().stream().filter(m -> m.sender().equals(stranger)).findFirst().orElseThrow().id();
        mvc.perform(get("/tickets/triage")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("想咨询批发价格")));
        String code = "M" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        mvc.perform(post("/tickets/triage/{id}/customer", id).with(csrf()).param("code", code).param("name", "批发客户")
                        .param("kind", "COMPANY"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/tickets/*"));

        assertThat(customers.find(code)).get().satisfies(c -> assertThat(c.email()).isEqualTo(stranger));
        assertThat(inbound.triage()).noneMatch(m -> m.id() == id);
    }

    @Test
    @WithMockUser(username = "agent.li", roles = "AGENT")
    void aBadCustomerCodeIsShownAndChangesNothing() throws Exception {
        String stranger = "bad-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        inbound.receive(RawMail.from(stranger, "<" + UUID.randomUUID() + "@example.org>").header("Subject", "Hi")
                .text("Hello", "UTF-8", "8bit").bytes());
        long id = inbound.triage().stream().filter(m -> m.sender().equals(stranger)).findFirst().orElseThrow().id();

        mvc.perform(post("/tickets/triage/{id}/link", id).with(csrf()).param("customer", "NO-SUCH-CUSTOMER-X"))
                .andExpect(status().is3xxRedirection());

        assertThat(inbound.triage()).anyMatch(m -> m.id() == id);
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void theMailboxPageShowsTheSettingsAndTestsTheLogin() throws Exception {
        mvc.perform(get("/admin/mailbox")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("127.0.0.1:39144")));
        mvc.perform(post("/admin/mailbox/test").with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("mailbox-check")));
    }
}
