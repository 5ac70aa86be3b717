package com.tierdesk.ticket;

import static com.tierdesk.ticket.TicketFixture.inquiry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.customer.PageSpec;
import com.tierdesk.security.ApiTokens;
import com.tierdesk.security.ContactChange;
import com.tierdesk.security.People;
import com.tierdesk.security.Role;
import com.tierdesk.security.StaffingChange;
import com.tierdesk.security.TestAccounts;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.sla.TicketType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;

/** Saved views: personal or shared with a team, counted as their reader sees the queues, changed by whom may. */
@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@Import({TicketFixture.class, TicketViewsTests.Accounts.class})
class TicketViewsTests {

    @Autowired
    TicketViews views;

    @Autowired
    Tickets tickets;

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
    void aSharedViewIsSeenByTheTeamCountedForEachReaderAndChangedByItsOwnerOrASupervisor() {
        String team = "views-" + System.nanoTime();
        String owner = member(Role.AGENT, team);
        String colleague = member(Role.AGENT, team);
        String outsider = accounts.person(Role.AGENT).username();
        String code = fixture.aCustomer().code();
        open(code, owner);
        open(code, owner);
        open(code, colleague);

        TicketView shared = views.create(new TicketViewDraft(" 我的投诉 ", team, null, false, null, TicketType.INQUIRY,
                null, null, null, null), owner);
        TicketView personal = views.create(new TicketViewDraft("只给我", null, owner, false, null, null, null, null,
                null, TicketView.Sort.DUE_LAST), owner);

        assertThat(shared.name()).isEqualTo("我的投诉");
        assertThat(shared.sort()).isEqualTo(TicketView.Sort.DUE);
        assertThat(views.visible(owner)).extracting(TicketView::id).contains(shared.id(), personal.id());
        assertThat(views.visible(colleague)).extracting(TicketView::id).contains(shared.id())
                .doesNotContain(personal.id());
        assertThat(views.visible(outsider)).extracting(TicketView::id).doesNotContain(shared.id());
        assertThatThrownBy(() -> views.get(personal.id(), colleague)).isInstanceOf(NotFound.class);
        assertThat(views.counts(List.of(shared), owner, false).get(shared.id()).count()).isEqualTo(2);
        assertThat(views.counts(List.of(shared), colleague, false).get(shared.id()).count()).isEqualTo(1);
        assertThat(views.counts(List.of(personal), "supervisor.wu", true).get(personal.id()).count())
                .as("a supervisor sees the tickets of the person the view names").isEqualTo(2);
        assertThat(tickets.queue(views.search(personal, colleague, false, PageSpec.first(10))).items())
                .as("anyone else only their own").extracting(entry -> entry.ticket().assignee())
                .containsExactly(colleague);

        assertThatThrownBy(() -> views.rename(shared.id(), "改名", colleague, false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> views.delete(personal.id(), "supervisor.wu", true))
                .as("a personal view is its owner's alone").isInstanceOf(NotFound.class);
        assertThat(views.rename(shared.id(), "团队投诉", "supervisor.wu", true).name()).isEqualTo("团队投诉");
        views.delete(personal.id(), owner, false);
        views.delete(shared.id(), "supervisor.wu", true);
        assertThat(views.visible(owner)).extracting(TicketView::id).doesNotContain(shared.id(), personal.id());
    }

    @Test
    void badViewsAreRefused() {
        String owner = accounts.person(Role.AGENT).username();
        assertThatThrownBy(() -> views.create(new TicketViewDraft(" ", "not-mine", "someone", true, null,
                TicketType.INQUIRY, TicketStatus.CLOSED, null, null, null), owner))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(problem -> problem.field() + " " + problem.code())
                        .containsExactly("name problem.required", "team problem.ticket.view.not-your-team",
                                "assignee problem.ticket.view.assignee-and-unassigned",
                                "status problem.ticket.view.status-not-open"));
        assertThat(views.visible(owner)).isEmpty();
    }

    private String member(Role role, String team) {
        String username = accounts.person(role).username();
        people.change(username, null, null, new StaffingChange(Set.of(team), null, null, null, false),
                ContactChange.NONE, "tester");
        return username;
    }

    private void open(String customer, String assignee) {
        TicketDraft draft = inquiry(customer);
        tickets.create(new TicketDraft(draft.channel(), draft.customer(), draft.requester(), draft.subject(),
                draft.type(), draft.priority(), draft.description(), List.of(), List.of(), assignee), null, "tester");
    }
}
