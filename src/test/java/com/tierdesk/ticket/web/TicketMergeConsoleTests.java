package com.tierdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.TicketType;
import com.tierdesk.ticket.IntakeChannel;
import com.tierdesk.ticket.Requester;
import com.tierdesk.ticket.Ticket;
import com.tierdesk.ticket.TicketDraft;
import com.tierdesk.ticket.TicketFixture;
import com.tierdesk.ticket.TicketStatus;
import com.tierdesk.ticket.Tickets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Merging from the ticket page: a confirm step naming both tickets and the kept targets, refusals worded. */
@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@AutoConfigureMockMvc
@Import(TicketFixture.class)
class TicketMergeConsoleTests {

    private static final String AGENT = "agent.merge";

    @Autowired
    MockMvc mvc;

    @Autowired
    Tickets tickets;

    @Autowired
    TicketFixture fixture;

    @Test
    void theConfirmStepShowsBothTicketsAndTheOlderTargetsAndTheMergeLandsOnTheTarget() throws Exception {
        Customer customer = fixture.aCustomerIn("VIP");
        Ticket older = open(customer, "发票抬头写错了");
        Ticket duplicate = open(customer, "发票抬头有误（重复）");
        long id = duplicate.id().value();

        assertThat(page(get("/tickets/{id}", id), 200)).contains("id=\"merge-form\"")
                .contains("action=\"/tickets/" + id + "/merge\"");
        String confirm = page(get("/tickets/{id}/merge", id).param("target", " " + older.id().value() + " "), 200);
        assertThat(confirm).contains("发票抬头写错了").contains("发票抬头有误（重复）").contains(customer.code())
                .contains("合并后保留较早的工单 " + older.id().value() + "（创建于")
                .contains("name=\"version\" value=\"0\"").contains("name=\"targetVersion\" value=\"0\"");

        mvc.perform(post("/tickets/{id}/merge", id).with(as()).with(csrf()).param("version", "0")
                        .param("target", String.valueOf(older.id().value())).param("targetVersion", "0"))
                .andExpect(redirectedUrl("/tickets/" + older.id().value()));
        assertThat(tickets.get(duplicate.id()).ticket().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(tickets.mergedInto(duplicate.id())).contains(older.id());
    }

    @Test
    void anotherCustomersAClosedOrAnUnknownTicketAndAStaleVersionAreRefusedInTheReadersLanguage() throws Exception {
        Customer customer = fixture.aCustomerIn("VIP");
        Customer other = fixture.aCustomerIn("VIP");
        Ticket duplicate = open(customer, "重复的咨询");
        Ticket othersTicket = open(other, "别的客户的咨询");
        Ticket solved = open(customer, "已解决的咨询");
        tickets.changeStatus(solved.id(), 0, TicketStatus.SOLVED, AGENT);
        long id = duplicate.id().value();

        assertThat(merge(id, 0, othersTicket.id().value(), 0, 422)).contains("id=\"merge-problems\"")
                .contains("属于客户 " + other.code() + "，与本工单的客户 " + customer.code() + " 不同，不能合并");
        assertThat(merge(id, 0, solved.id().value(), 1, 409)).contains("已解决或已关闭，不能参与合并");
        assertThat(merge(id, 7, othersTicket.id().value(), 0, 409)).contains("id=\"merge-stale\"");
        assertThat(page(get("/tickets/{id}/merge", id).param("target", "999999999").param("lang", "en"), 422))
                .contains("there is no ticket 999999999").doesNotContain("id=\"merge-confirm-form\"");
        assertThat(tickets.get(duplicate.id()).ticket().status()).isEqualTo(TicketStatus.NEW);
    }

    private String merge(long id, long version, long target, long targetVersion, int status) throws Exception {
        return page(post("/tickets/{id}/merge", id).with(csrf()).param("version", String.valueOf(version))
                .param("target", String.valueOf(target)).param("targetVersion", String.valueOf(targetVersion)),
                status);
    }

    private Ticket open(Customer customer, String subject) {
        return tickets.create(new TicketDraft(IntakeChannel.EMAIL, customer.code(),
                new Requester("王芳", null, "13800000000"), subject, TicketType.INQUIRY, Priority.NORMAL,
                "请帮忙处理", List.of(), List.of(), AGENT), null, "intake").ticket().ticket();
    }

    private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request.with(as())).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static RequestPostProcessor as() {
        return user(AGENT).roles("AGENT");
    }
}
