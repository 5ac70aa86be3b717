package com.tierdesk.ticket;

import static com.tierdesk.ticket.TicketFixture.inquiry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.security.ApiTokens;
import com.tierdesk.security.Role;
import com.tierdesk.security.TestAccounts;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.sla.Priority;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;

/** Bulk actions: each ticket changed on its own, a ticket a rule forbids refused with its reason, the rest applied. */
@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@Import({TicketFixture.class, BulkActionsTests.Accounts.class})
class BulkActionsTests {

    @Autowired
    BulkActions bulk;

    @Autowired
    Tickets tickets;

    @Autowired
    TicketFixture fixture;

    @Autowired
    TestAccounts accounts;

    static class Accounts {

        @Bean
        TestAccounts testAccounts(UserAccounts userAccounts, ApiTokens tokens) {
            return new TestAccounts(userAccounts, tokens);
        }
    }

    @Test
    void aForbiddenStatusMoveIsRefusedOnOneTicketAndTheOthersMove() {
        TicketId first = open(null);
        TicketId solved = open(null);
        TicketId third = open(null);
        tickets.changeStatus(solved, version(solved), TicketStatus.SOLVED, "agent.li");

        BulkResult result = bulk.apply(List.of(first.value(), solved.value(), third.value()),
                BulkAction.status(TicketStatus.PENDING_CUSTOMER), "supervisor.wu", true);

        assertThat(result.applied()).containsExactly(first, third);
        assertThat(result.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.ticket()).isEqualTo(solved);
            assertThat(refused.reason().code()).startsWith("problem.ticket.status.");
        });
        assertThat(tickets.get(first).ticket().status()).isEqualTo(TicketStatus.PENDING_CUSTOMER);
        assertThat(tickets.get(solved).ticket().status()).isEqualTo(TicketStatus.SOLVED);
        assertThat(tickets.get(third).timeline()).extracting(e -> e.code() + " " + e.actor() + " " + e.arguments())
                .endsWith("ticket.timeline.status supervisor.wu [NEW, PENDING_CUSTOMER]",
                        "ticket.timeline.bulk-action supervisor.wu [STATUS]");
        assertThat(tickets.get(solved).timeline()).extracting(TimelineEntry::code)
                .doesNotContain("ticket.timeline.bulk-action");
    }

    @Test
    void prioritiesAndTagsChangeAndAClosedTicketIsRefused() {
        TicketId open = open(null);
        TicketId closed = open(null);
        tickets.changeStatus(closed, version(closed), TicketStatus.SOLVED, "agent.li");
        tickets.changeStatus(closed, version(closed), TicketStatus.CLOSED, "agent.li");

        BulkResult priority = bulk.apply(List.of(open.value(), closed.value()), BulkAction.priority(Priority.URGENT),
                "agent.li", false);
        BulkResult tags = bulk.apply(List.of(open.value(), open.value()), BulkAction.tags(List.of(" 加急 ", "refund")),
                "agent.li", false);

        assertThat(priority.applied()).containsExactly(open);
        assertThat(priority.refused()).extracting(refused -> refused.reason().code())
                .containsExactly("problem.ticket.closed-takes-no-change");
        assertThat(tags.applied()).as("each ticket once").containsExactly(open);
        assertThat(tickets.get(open).ticket().tags()).containsExactly("refund", "加急");
        assertThat(tickets.get(open).ticket().priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void anAgentTakesTicketsToThemselvesButNotThoseOthersHoldNorGivesThemAway() {
        String agent = accounts.person(Role.AGENT).username();
        String other = accounts.person(Role.AGENT).username();
        TicketId unassigned = open(null);
        tickets.reassign(unassigned, version(unassigned), null, "supervisor.wu");
        TicketId held = open(other);

        BulkResult taken = bulk.apply(List.of(unassigned.value(), held.value()), BulkAction.assign(agent), agent,
                false);

        assertThat(taken.applied()).containsExactly(unassigned);
        assertThat(taken.refused()).extracting(refused -> refused.reason().code())
                .containsExactly("problem.ticket.bulk-held-by-other");
        assertThat(tickets.get(unassigned).ticket().assignee()).isEqualTo(agent);
        assertThat(tickets.get(held).ticket().assignee()).isEqualTo(other);
        assertThatThrownBy(() -> bulk.apply(List.of(unassigned.value()), BulkAction.assign(other), agent, false))
                .isInstanceOf(AccessDeniedException.class);

        BulkResult given = bulk.apply(List.of(unassigned.value(), held.value()), BulkAction.assign(other),
                "supervisor.wu", true);
        assertThat(given.applied()).containsExactly(unassigned);
        assertThat(given.unchanged()).containsExactly(held);
    }

    @Test
    void anEmptyOrOversizedSelectionAndAnIncompleteActionAreRefused() {
        TicketId id = open(null);
        assertThatThrownBy(() -> bulk.apply(List.of(), BulkAction.priority(Priority.HIGH), "agent.li", false))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).code())
                        .isEqualTo("problem.ticket.bulk-empty"));
        assertThatThrownBy(() -> bulk.apply(LongStream.rangeClosed(1, 501).boxed().toList(),
                BulkAction.priority(Priority.HIGH), "agent.li", false))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).code())
                        .isEqualTo("problem.ticket.bulk-too-many"));
        assertThatThrownBy(() -> bulk.apply(List.of(id.value()), BulkAction.assign("nobody-at-all"), "supervisor.wu",
                true)).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).code())
                .isEqualTo("problem.ticket.bulk-unknown-assignee"));
        assertThatThrownBy(() -> bulk.apply(List.of(id.value()), BulkAction.status(null), "agent.li", false))
                .isInstanceOf(InvalidInput.class);
        assertThat(tickets.get(id).ticket().version()).isZero();
    }

    private TicketId open(String assignee) {
        TicketDraft draft = inquiry(fixture.aCustomer().code());
        return tickets.create(new TicketDraft(draft.channel(), draft.customer(), draft.requester(), draft.subject(),
                draft.type(), draft.priority(), draft.description(), List.of("refund"), List.of(),
                assignee == null ? "agent.li" : assignee), null, "agent.li").ticket().ticket().id();
    }

    private long version(TicketId id) {
        return tickets.get(id).ticket().version();
    }
}
