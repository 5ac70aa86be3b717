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
import com.tierdesk.ticket.TicketDetail;
import com.tierdesk.ticket.TicketDraft;
import com.tierdesk.ticket.TicketFixture;
import com.tierdesk.ticket.TicketId;
import com.tierdesk.ticket.TicketStatus;
import com.tierdesk.ticket.Tickets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TicketFixture.class)
class TicketConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Tickets tickets;

    @Autowired
    TicketFixture fixture;

    @Test
    void theQueueListsOnesOpenTicketsByUrgencyWithCountdownsAndFilters() throws Exception {
        String agent = anAccount();
        Customer vip = fixture.aCustomerIn("VIP");
        Customer regular = fixture.aCustomerIn("REGULAR");
        TicketDetail inquiry = open(regular, TicketType.INQUIRY, agent);
        TicketDetail complaint = open(vip, TicketType.COMPLAINT, agent);
        TicketDetail somebodyElses = open(vip, TicketType.COMPLAINT, "somebody-else");

        String queue = html(get("/tickets").param("lang", "en").with(as(agent, "AGENT")));
        assertThat(queue).contains("id=\"queue-ticket-" + complaint.ticket().id().value() + "\"")
                .contains("id=\"queue-ticket-" + inquiry.ticket().id().value() + "\"")
                .doesNotContain("id=\"queue-ticket-" + somebodyElses.ticket().id().value() + "\"")
                .contains("min left").contains("hx-trigger=\"every 5s [");
        assertThat(queue.indexOf("queue-ticket-" + complaint.ticket().id().value()))
                .as("the VIP complaint, due in 30 minutes, comes first")
                .isLessThan(queue.indexOf("queue-ticket-" + inquiry.ticket().id().value()));
        assertThat(html(get("/tickets").param("tier", "VIP").with(as(agent, "AGENT"))))
                .contains("queue-ticket-" + complaint.ticket().id().value())
                .doesNotContain("queue-ticket-" + inquiry.ticket().id().value());
        assertThat(html(get("/tickets").param("risk", "BREACHED").with(as(agent, "AGENT"))))
                .doesNotContain("queue-ticket-" + complaint.ticket().id().value());
        assertThat(html(get("/tickets").param("channel", "EMAIL").param("type", "INQUIRY").with(as(agent, "AGENT"))))
                .contains("queue-ticket-" + inquiry.ticket().id().value())
                .doesNotContain("queue-ticket-" + complaint.ticket().id().value());
        assertThat(html(get("/tickets").header("HX-Request", "true").with(as(agent, "AGENT"))))
                .as("htmx refreshes the rows alone").doesNotContain("<html").contains("id=\"queue\"");
    }

    @Test
    void supervisorsSeeEverybodysTheUnassignedAndTheBoard() throws Exception {
        Customer vip = fixture.aCustomerIn("VIP");
        TicketDetail nobodys = open(vip, TicketType.COMPLAINT, null);
        long id = nobodys.ticket().id().value();

        assertThat(anyPageOf("/tickets/all", "queue-ticket-" + id)).isTrue();
        assertThat(anyPageOf("/tickets/unassigned", "queue-ticket-" + id)).isTrue();
        assertThat(html(get("/tickets/board").param("lang", "en").with(as("wang", "SUPERVISOR"))))
                .contains("At-risk board");
        for (String path : List.of("/tickets/all", "/tickets/unassigned", "/tickets/board")) {
            mvc.perform(get(path).with(as("agent", "AGENT"))).andExpect(status().isForbidden());
        }
    }

    @Test
    void theTicketPageShowsTheConversationTheTargetsAndOnlyTheAllowedMoves() throws Exception {
        String agent = anAccount();
        TicketDetail ticket = open(fixture.aCustomerIn("VIP"), TicketType.COMPLAINT, agent);
        long id = ticket.ticket().id().value();
        tickets.addMessage(TicketId.of(id), 0, new com.tierdesk.ticket.MessageDraft(
                com.tierdesk.ticket.MessageKind.INTERNAL_NOTE, "客户很着急，优先处理"), agent);

        String page = html(get("/tickets/{id}", id).param("lang", "en").with(as(agent, "AGENT")));
        assertThat(page).contains("商品破损投诉").contains("message-CUSTOMER_MESSAGE").contains("message-INTERNAL_NOTE")
                .containsPattern("id=\"ticket-language\">\\s*Chinese")
                .contains("客户很着急").contains("id=\"target-FIRST_RESPONSE\"").contains("id=\"target-RESOLUTION\"")
                .contains("href=\"/sla/clocks?").contains("value=\"PENDING_CUSTOMER\"")
                .doesNotContain("<option value=\"REOPENED\"")
                .doesNotContain("id=\"assignee-form\"")
                .contains("hx-get=\"/knowledge/suggestions?ticket=" + id + "\"")
                .contains("hx-get=\"/knowledge/templates/picker?ticket=" + id + "&amp;target=reply-body\"");
        assertThat(html(get("/tickets/{id}", id).with(as("wang", "SUPERVISOR")))).contains("id=\"assignee-form\"");
        assertThat(html(get("/tickets/{id}", id).with(as("qa", "QA")))).doesNotContain("id=\"reply-form\"");
        mvc.perform(get("/tickets/{id}", 999_999_999L).with(as(agent, "AGENT"))).andExpect(status().isNotFound());
    }

    @Test
    void formsChangeTheTicketAndAStaleFormKeepsWhatWasTyped() throws Exception {
        String agent = anAccount();
        TicketDetail ticket = open(fixture.aCustomerIn("VIP"), TicketType.COMPLAINT, agent);
        long id = ticket.ticket().id().value();

        mvc.perform(post("/tickets/{id}/messages", id).with(as(agent, "AGENT")).with(csrf()).param("version", "0")
                .param("kind", "PUBLIC_REPLY").param("body", "您好，已为您补发新品。"))
                .andExpect(redirectedUrl("/tickets/" + id));
        String stale = mvc.perform(post("/tickets/{id}/messages", id).param("lang", "en").with(as(agent, "AGENT"))
                        .with(csrf()).param("version", "0").param("kind", "INTERNAL_NOTE").param("body", "还没写完的备注"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(stale).contains("id=\"ticket-stale\"").contains("还没写完的备注")
                .contains("value=\"INTERNAL_NOTE\" checked").contains("您好，已为您补发新品。");

        long version = tickets.get(TicketId.of(id)).ticket().version();
        mvc.perform(post("/tickets/{id}/status", id).with(as(agent, "AGENT")).with(csrf())
                .param("version", String.valueOf(version)).param("status", "SOLVED"))
                .andExpect(redirectedUrl("/tickets/" + id));
        assertThat(tickets.get(TicketId.of(id)).ticket().status()).isEqualTo(TicketStatus.SOLVED);

        version = tickets.get(TicketId.of(id)).ticket().version();
        String refused = mvc.perform(post("/tickets/{id}/status", id).param("lang", "en").with(as(agent, "AGENT"))
                        .with(csrf()).param("version", String.valueOf(version)).param("status", "OPEN"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"ticket-problems\"").doesNotContain("id=\"ticket-stale\"");

        mvc.perform(post("/tickets/{id}/changes", id).with(as(agent, "AGENT")).with(csrf())
                .param("version", String.valueOf(version)).param("priority", "HIGH").param("type", "COMPLAINT")
                .param("tags", "破损, 加急")).andExpect(redirectedUrl("/tickets/" + id));
        assertThat(tickets.get(TicketId.of(id)).ticket().tags()).containsExactly("破损", "加急");

        mvc.perform(post("/tickets/{id}/assignee", id).with(as(agent, "AGENT")).with(csrf())
                .param("version", String.valueOf(version + 1)).param("assignee", "li")).andExpect(status().isForbidden());
        mvc.perform(post("/tickets/{id}/assignee", id).with(as("wang", "SUPERVISOR")).with(csrf())
                .param("version", String.valueOf(version + 1)).param("assignee", "li"))
                .andExpect(redirectedUrl("/tickets/" + id));
        assertThat(tickets.get(TicketId.of(id)).ticket().assignee()).isEqualTo("li");
    }

    @Test
    void anAgentOpensATicketTakenByPhone() throws Exception {
        String agent = anAccount();
        Customer customer = fixture.aCustomerIn("KEY");
        assertThat(html(get("/tickets/new").param("customer", customer.code()).with(as(agent, "AGENT"))))
                .contains("value=\"" + customer.code() + "\"").contains("value=\"" + agent + "\"");
        mvc.perform(get("/tickets/new").with(as("qa", "QA"))).andExpect(status().isForbidden());

        String refused = mvc.perform(post("/tickets").param("lang", "en").with(as(agent, "AGENT")).with(csrf())
                        .param("customer", customer.code()).param("channel", "PHONE").param("subject", "")
                        .param("type", "INQUIRY").param("priority", "NORMAL").param("description", "来电询问发票"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"new-ticket-problems\"").contains("subject: ").contains("来电询问发票");

        String location = mvc.perform(post("/tickets").with(as(agent, "AGENT")).with(csrf())
                        .param("customer", customer.code()).param("channel", "PHONE").param("subject", "发票抬头修改")
                        .param("requesterLanguage", "en")
                        .param("type", "INQUIRY").param("priority", "NORMAL").param("description", "来电询问发票")
                        .param("tags", "发票").param("assignee", agent))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/tickets/");
        TicketDetail created = tickets.get(TicketId.of(Long.parseLong(location.substring("/tickets/".length()))));
        assertThat(created.ticket().channel()).isEqualTo(IntakeChannel.PHONE);
        assertThat(created.ticket().assignee()).isEqualTo(agent);
        assertThat(created.ticket().requester().language()).isEqualTo("en");
        assertThat(html(get("/tickets/customers/{code}", customer.code()).with(as(agent, "AGENT"))))
                .contains("id=\"customer-ticket-" + created.ticket().id().value() + "\"").contains("发票抬头修改");
    }

    @Test
    void agentsAddAndRemoveFollowersOnTheTicketPageWithHtmx() throws Exception {
        String agent = anAccount();
        long id = open(fixture.aCustomerIn("REGULAR"), TicketType.INQUIRY, agent).ticket().id().value();

        String added = html(post("/tickets/{id}/followers", id).param("email", "boss@example.org").param("name", "老板")
                .header("HX-Request", "true").with(as(agent, "AGENT")).with(csrf()));
        assertThat(added).as("htmx gets the followers' part alone").doesNotContain("<html")
                .contains("id=\"ticket-followers\"").contains("老板 &lt;boss@example.org&gt;").contains("关注人已添加。");
        String refused = mvc.perform(post("/tickets/{id}/followers", id).param("email", "not-an-address")
                        .param("lang", "en").header("HX-Request", "true").with(as(agent, "AGENT")).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"followers-problems\"").contains("email: ")
                .contains("value=\"not-an-address\"").contains("data-swap-refusals");

        String page = html(get("/tickets/{id}", id).param("lang", "en").with(as(agent, "AGENT")));
        assertThat(page).contains("Followers").contains("boss@example.org").contains("id=\"follower-form\"")
                .contains("added by " + agent);
        assertThat(html(get("/tickets/{id}", id).with(as("qa", "QA")))).contains("boss@example.org")
                .doesNotContain("id=\"follower-form\"").doesNotContain("follower-remove");
        mvc.perform(post("/tickets/{id}/followers", id).param("email", "qa@example.org").with(as("qa", "QA"))
                .with(csrf())).andExpect(status().isForbidden());

        mvc.perform(post("/tickets/{id}/followers/remove", id).param("email", "BOSS@example.org")
                        .with(as(agent, "AGENT")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/tickets/" + id));
        assertThat(tickets.followers(TicketId.of(id))).isEmpty();
        assertThat(html(get("/tickets/{id}", id).param("lang", "en").with(as(agent, "AGENT"))))
                .contains("Nobody but the requester is copied.").contains("removed follower boss@example.org");
    }

    @Test
    void anAgentFollowsAndUnfollowsATicketFromItsPage() throws Exception {
        String agent = anAccount();
        long id = open(fixture.aCustomerIn("VIP"), TicketType.INQUIRY, "somebody-else").ticket().id().value();

        assertThat(html(get("/tickets/{id}", id).param("lang", "en").with(as(agent, "AGENT"))))
                .contains("id=\"following-none\"").contains("Follow this ticket");
        mvc.perform(post("/tickets/{id}/following", id).with(as(agent, "AGENT")).with(csrf()))
                .andExpect(redirectedUrl("/tickets/" + id));
        assertThat(tickets.accountFollowers(TicketId.of(id))).containsExactly(agent);
        assertThat(html(get("/tickets/{id}", id).with(as(agent, "AGENT"))))
                .contains("取消关注").contains("action=\"/tickets/" + id + "/following/remove\"");
        mvc.perform(post("/tickets/{id}/following/remove", id).with(as(agent, "AGENT")).with(csrf()))
                .andExpect(redirectedUrl("/tickets/" + id));
        assertThat(tickets.accountFollowers(TicketId.of(id))).isEmpty();
        mvc.perform(post("/tickets/{id}/following", 999_999_999L).with(as(agent, "AGENT")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    private TicketDetail open(Customer customer, TicketType type, String assignee) {
        var draft = new TicketDraft(type == TicketType.INQUIRY ? IntakeChannel.EMAIL : IntakeChannel.PHONE,
                customer.code(), new Requester("王芳", null, "13800000000"),
                type == TicketType.INQUIRY ? "发票问题" : "商品破损投诉", type, Priority.NORMAL, "收到的商品有破损", List.of(),
                List.of(), assignee);
        return tickets.create(draft, null, "intake").ticket();
    }

    private static String anAccount() {
        return "agent-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Whether a supervisor's queue shows the text on one of its pages: other tests leave tickets due sooner. */
    private boolean anyPageOf(String queue, String text) throws Exception {
        for (int page = 0; page < 50; page++) {
            String html = html(get(queue).param("page", String.valueOf(page)).with(as("wang", "SUPERVISOR")));
            if (html.contains(text)) {
                return true;
            }
            if (!html.contains("queue-ticket-")) {
                return false;
            }
        }
        return false;
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static RequestPostProcessor as(String name, String role) {
        return user(name).roles(role);
    }
}
