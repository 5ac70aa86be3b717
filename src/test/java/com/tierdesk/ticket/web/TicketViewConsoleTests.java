package com.tierdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.security.ContactChange;
import com.tierdesk.security.People;
import com.tierdesk.security.Role;
import com.tierdesk.security.StaffingChange;
import com.tierdesk.security.TestAccounts;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.security.ApiTokens;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.TicketType;
import com.tierdesk.ticket.IntakeChannel;
import com.tierdesk.ticket.Requester;
import com.tierdesk.ticket.TicketDraft;
import com.tierdesk.ticket.TicketFixture;
import com.tierdesk.ticket.TicketId;
import com.tierdesk.ticket.TicketStatus;
import com.tierdesk.ticket.TicketView;
import com.tierdesk.ticket.TicketViews;
import com.tierdesk.ticket.Tickets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Saved views and bulk actions in the console: saving, counting, changing by whom may, and bulk answers worded. */
@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@AutoConfigureMockMvc
@Import({TicketFixture.class, TicketViewConsoleTests.Accounts.class})
class TicketViewConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Tickets tickets;

    @Autowired
    TicketViews views;

    @Autowired
    TicketFixture fixture;

    @Autowired
    TestAccounts accounts;

    @Autowired
    People people;

    static class Accounts {

        @Bean
        TestAccounts testAccounts(UserAccounts userAccounts, ApiTokens tokens) {
            return new TestAccounts(userAccounts, tokens);
        }
    }

    @Test
    void theQueuesCarryTheViewsTheSaveFormAndBoxesForTheBulkForm() throws Exception {
        String agent = anAccount();
        long id = open(TicketType.INQUIRY, agent);

        String queue = html(get("/tickets").param("tier", "VIP").param("lang", "en").with(as(agent, "AGENT")));
        assertThat(queue).contains("id=\"views-bar\"").contains("hx-trigger=\"every 30s\"")
                .contains("id=\"save-view-form\"").contains("name=\"queue\" value=\"MINE\"")
                .contains("name=\"tier\" value=\"VIP\"").contains("id=\"bulk-form\"")
                .containsPattern("class=\"bulk-pick\" name=\"tickets\" form=\"bulk-form\"\\s+value=\"" + id + "\"")
                .contains("data-select-all").contains("take them myself")
                .as("polling pauses while a box is ticked")
                .contains("every 5s [!document.querySelector('.bulk-pick:checked')], tickets-changed from:body");
        assertThat(html(get("/tickets").with(as("qa", "QA")))).as("QA changes no ticket")
                .doesNotContain("id=\"bulk-form\"").doesNotContain("id=\"save-view-form\"");
    }

    @Test
    void aViewIsSavedFromTheQueuesFiltersCountedOpenedRenamedAndDeletedByItsOwner() throws Exception {
        String agent = anAccount();
        long inquiry = open(TicketType.INQUIRY, agent);
        long complaint = open(TicketType.COMPLAINT, agent);

        ResultActions saved = mvc.perform(post("/tickets/views").header("HX-Request", "true").with(as(agent, "AGENT"))
                .with(csrf()).param("name", "我的咨询").param("team", "").param("sort", "DUE").param("queue", "MINE")
                .param("type", "INQUIRY")).andExpect(status().isOk());
        TicketView view = views.visible(agent).get(0);
        saved.andExpect(header().string("HX-Redirect", "/tickets/views/" + view.id()));
        assertThat(view.assignee()).isEqualTo(agent);
        assertThat(view.type()).isEqualTo(TicketType.INQUIRY);

        assertThat(html(get("/tickets/views/bar").with(as(agent, "AGENT")))).contains("我的咨询")
                .containsPattern("class=\"badge view-count\">1<");
        assertThat(html(get("/tickets/views/{id}", view.id()).with(as(agent, "AGENT")))).contains("我的咨询")
                .contains("queue-ticket-" + inquiry).doesNotContain("queue-ticket-" + complaint);
        assertThat(html(get("/tickets/views/{id}", view.id()).header("HX-Request", "true").with(as(agent, "AGENT"))))
                .doesNotContain("<html").contains("id=\"queue\"");
        assertThat(html(get("/tickets/views/{id}", view.id()).param("format", "csv").with(as(agent, "AGENT"))))
                .as("the view exports as its queue").contains("\n" + inquiry + ",")
                .doesNotContain("\n" + complaint + ",");
        mvc.perform(get("/tickets/views/{id}", view.id()).with(as(anAccount(), "AGENT")))
                .andExpect(status().isNotFound());

        assertThat(refused(post("/tickets/views").header("HX-Request", "true").with(as(agent, "AGENT")).with(csrf())
                .param("name", " ").param("team", "不是我的组").param("queue", "MINE"), 422))
                .contains("id=\"save-view-problems\"").contains("name: 必填").contains("不是我的组");
        assertThat(refused(post("/tickets/views/{id}/rename", view.id()).param("lang", "en")
                .with(as(agent, "AGENT")).with(csrf()).param("name", ""), 422)).contains("name: is required");

        mvc.perform(post("/tickets/views/{id}/rename", view.id()).with(as(agent, "AGENT")).with(csrf())
                .param("name", "咨询")).andExpect(redirectedUrl("/tickets/views/" + view.id()));
        assertThat(views.get(view.id(), agent).name()).isEqualTo("咨询");
        mvc.perform(post("/tickets/views/{id}/delete", view.id()).with(as(agent, "AGENT")).with(csrf()))
                .andExpect(redirectedUrl("/tickets"));
        assertThat(views.visible(agent)).isEmpty();
    }

    @Test
    void aSharedViewIsChangedByItsOwnerOrASupervisorAndAColleagueIsToldWhyNot() throws Exception {
        String team = "views-" + System.nanoTime();
        String owner = member(Role.AGENT, team);
        String colleague = member(Role.AGENT, team);
        String supervisor = member(Role.SUPERVISOR, team);
        mvc.perform(post("/tickets/views").with(as(owner, "AGENT")).with(csrf()).param("name", "组内投诉")
                .param("team", team).param("queue", "UNASSIGNED").param("type", "COMPLAINT"))
                .andExpect(status().is3xxRedirection());
        TicketView view = views.visible(colleague).get(0);
        assertThat(view.unassigned()).isTrue();

        assertThat(refused(post("/tickets/views/{id}/rename", view.id()).with(as(colleague, "AGENT")).with(csrf())
                .param("name", "我的"), 403)).contains("只有视图的创建者可以修改它");
        assertThat(refused(post("/tickets/views/{id}/delete", view.id()).param("lang", "en")
                .with(as(colleague, "AGENT")).with(csrf()), 403)).contains("only the view&#39;s owner changes it");
        mvc.perform(post("/tickets/views/{id}/rename", view.id()).with(as(supervisor, "SUPERVISOR")).with(csrf())
                .param("name", "组内投诉（主管）")).andExpect(status().is3xxRedirection());
        assertThat(views.get(view.id(), colleague).name()).isEqualTo("组内投诉（主管）");
    }

    @Test
    void aBulkChangeAnswersWithWhatWasAppliedAndEachRefusalInTheReadersLanguage() throws Exception {
        String agent = anAccount();
        long first = open(TicketType.INQUIRY, agent);
        long solved = open(TicketType.INQUIRY, agent);
        tickets.changeStatus(TicketId.of(solved), 0, TicketStatus.SOLVED, agent);

        assertThat(mvc.perform(post("/tickets/bulk").with(as("wang", "SUPERVISOR")).with(csrf())
                        .param("tickets", String.valueOf(first), String.valueOf(solved)).param("action", "STATUS")
                        .param("status", "PENDING_CUSTOMER")).andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", "tickets-changed")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
                .contains("已更改 1 张，无需更改 0 张，拒绝 1 张。").contains("id=\"bulk-refused-" + solved + "\"")
                .contains("工单 " + solved + "：已解决的工单只能重新打开");
        assertThat(tickets.get(TicketId.of(first)).ticket().status()).isEqualTo(TicketStatus.PENDING_CUSTOMER);

        String taker = accounts.person(Role.AGENT).username();
        String other = anAccount();
        long held = open(TicketType.INQUIRY, other);
        assertThat(html(post("/tickets/bulk").with(as(taker, "AGENT")).with(csrf()).param("tickets",
                String.valueOf(held)).param("action", "ASSIGN").param("assignee", other)))
                .as("an agent only takes, and not what another holds")
                .contains("工单 " + held + " 已由 " + other + " 处理，只有主管可以改派");
        assertThat(tickets.get(TicketId.of(held)).ticket().assignee()).isEqualTo(other);

        assertThat(refused(post("/tickets/bulk").param("lang", "en").with(as(agent, "AGENT")).with(csrf())
                .param("action", "PRIORITY").param("priority", "HIGH"), 422))
                .contains("tickets: select at least one ticket");
    }

    private long open(TicketType type, String assignee) {
        var draft = new TicketDraft(type == TicketType.INQUIRY ? IntakeChannel.EMAIL : IntakeChannel.PHONE,
                fixture.aCustomerIn("VIP").code(), new Requester("王芳", null, "13800000000"), "发票问题", type,
                Priority.NORMAL, "请尽快处理", List.of(), List.of(), assignee);
        return tickets.create(draft, null, "intake").ticket().ticket().id().value();
    }

    private String member(Role role, String team) {
        String username = accounts.person(role).username();
        people.change(username, null, null, new StaffingChange(Set.of(team), null, null, null, false),
                ContactChange.NONE, "tester");
        return username;
    }

    private String refused(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return refused(request, 200);
    }

    private static String anAccount() {
        return "agent-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestPostProcessor as(String name, String role) {
        return user(name).roles(role);
    }
}
