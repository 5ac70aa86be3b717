package com.tierdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.tierdesk.EnglishAnswers;
import com.tierdesk.customer.Customer;
import com.tierdesk.security.ApiTokens;
import com.tierdesk.security.ContactChange;
import com.tierdesk.security.People;
import com.tierdesk.security.Presence;
import com.tierdesk.security.Role;
import com.tierdesk.security.StaffingChange;
import com.tierdesk.security.TestAccounts;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.SettableTime;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.sla.TicketType;
import com.tierdesk.task.Task;
import com.tierdesk.task.TaskKind;
import com.tierdesk.task.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@Import({EnglishAnswers.class, SettableTime.class, TicketFixture.class, ComplaintsTests.Accounts.class})
class ComplaintsTests {

    @Autowired
    Tickets tickets;

    @Autowired
    Complaints complaints;

    @Autowired
    TicketFixture fixture;

    @Autowired
    People people;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Tasks tasks;

    @Autowired
    SolvedTicketClosing closing;

    @Autowired
    SettableTime.SettableClock clock;

    @Autowired
    JdbcClient jdbc;

    static class Accounts {

        @Bean
        TestAccounts testAccounts(UserAccounts userAccounts, ApiTokens tokens) {
            return new TestAccounts(userAccounts, tokens);
        }
    }

    /** Everybody else signs out, so that only the specialists a test sets up can be picked; and they do after it. */
    /** Tickets are made now (whole seconds), so that none is left behind breached in other tests' queues. */
    @BeforeEach
    void now() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @BeforeEach
    @AfterEach
    void nobodyElseAtWork() {
        jdbc.sql("UPDATE user_account SET presence = 'SIGNED_OUT' WHERE presence <> 'SIGNED_OUT'").update();
    }

    @Test
    void aComplaintRecordsItsStagesInOrderEachOnceWithWhoAndWhen() {
        TicketDetail ticket = complaint(fixture.aCustomer());
        TicketId id = ticket.ticket().id();

        assertThat(ticket.complaint().next()).isEqualTo(ComplaintStage.RECORD);
        assertRefused(() -> complaints.recordStage(id, 0, ComplaintStage.CAUSE, "配送站漏发", "agent.li"),
                "problem.ticket.complaint.stage-order");
        TicketDetail recorded = complaints.recordStage(id, 0, ComplaintStage.RECORD, "客户投诉送达延误三天", "agent.li");
        assertRefused(() -> complaints.recordStage(id, 1, ComplaintStage.RECORD, "再次登记", "agent.li"),
                "problem.ticket.complaint.stage-recorded");
        complaints.recordStage(id, 1, ComplaintStage.CAUSE, "配送站漏发", "senior.wu");
        complaints.recordStage(id, 2, ComplaintStage.SOLUTION, "补发并赠送优惠券", "senior.wu");
        TicketDetail complete = complaints.recordStage(id, 3, ComplaintStage.FOLLOW_UP, "客户确认收到", "agent.li");

        assertThat(recorded.complaint().stages()).singleElement().satisfies(stage -> {
            assertThat(stage.body()).isEqualTo("客户投诉送达延误三天");
            assertThat(stage.recordedBy()).isEqualTo("agent.li");
            assertThat(stage.recordedAt()).isNotNull();
        });
        assertThat(complete.complaint().stages()).extracting(Complaint.Stage::stage, Complaint.Stage::recordedBy)
                .containsExactly(tuple(ComplaintStage.RECORD, "agent.li"),
                        tuple(ComplaintStage.CAUSE, "senior.wu"),
                        tuple(ComplaintStage.SOLUTION, "senior.wu"),
                        tuple(ComplaintStage.FOLLOW_UP, "agent.li"));
        assertThat(complete.complaint().next()).isNull();
        assertThat(complete.timeline()).filteredOn(entry -> entry.code().equals("ticket.timeline.complaint.stage"))
                .extracting(entry -> entry.arguments().get(0)).containsExactly("RECORD", "CAUSE", "SOLUTION",
                        "FOLLOW_UP");
    }

    @Test
    void onlyAComplaintHasTheFlow() {
        TicketId inquiry = tickets.create(TicketFixture.inquiry(fixture.aCustomer().code()), null, "agent.li")
                .ticket().ticket().id();

        assertRefused(() -> complaints.recordStage(inquiry, 0, ComplaintStage.RECORD, "登记", "agent.li"),
                "problem.ticket.complaint.not-a-complaint");
        assertThat(tickets.get(inquiry).complaint()).isNull();
    }

    @Test
    void anEscalatedComplaintGoesToTheLeastLoadedSpecialistWhoKeepsTheCustomerUpdated() {
        String busy = specialist();
        String idle = specialist();
        tickets.create(complaintFor(fixture.aCustomer(), busy), null, "agent.li");
        Instant start = clock.instant();
        TicketDetail vip = complaint(fixture.aCustomerIn("VIP"));
        TicketId id = vip.ticket().id();
        assertThat(due(vip, SlaTarget.PERIODIC_UPDATE)).isEqualTo(start.plus(Duration.ofHours(1)));

        TicketDetail escalated = complaints.escalate(id, vip.ticket().version(), "supervisor");
        clock.advance(Duration.ofMinutes(40));
        TicketDetail updated = tickets.addMessage(id, escalated.ticket().version(),
                new MessageDraft(MessageKind.PUBLIC_REPLY, "专员已接手，正在核实"), escalated.ticket().assignee()).ticket();

        assertThat(escalated.ticket().assignee()).isEqualTo(idle).isNotEqualTo(busy);
        assertThat(escalated.complaint().complex()).isTrue();
        assertThat(escalated.complaint().specialist()).isEqualTo(idle);
        assertThat(escalated.timeline()).last().satisfies(entry -> {
            assertThat(entry.code()).isEqualTo("ticket.timeline.complaint.escalated");
            assertThat(entry.arguments()).containsExactly(idle);
        });
        assertThat(due(updated, SlaTarget.PERIODIC_UPDATE)).as("a public update restarts the hour")
                .isEqualTo(start.plus(Duration.ofMinutes(100)));
        assertRefused(() -> complaints.escalate(id, updated.ticket().version(), "supervisor"),
                "problem.ticket.complaint.escalated");
    }

    @Test
    void aComplaintWithNoSpecialistAvailableIsNotEscalated() {
        TicketDetail ticket = complaint(fixture.aCustomer());

        assertRefused(() -> complaints.escalate(ticket.ticket().id(), 0, "supervisor"),
                "problem.ticket.complaint.no-specialist");
        TicketDetail after = tickets.get(ticket.ticket().id());
        assertThat(after.ticket().version()).isZero();
        assertThat(after.complaint().complex()).isFalse();
    }

    @Test
    void aComplexComplaintGetsACallbackForTheAccountManagerOnceItCloses() {
        Customer customer = fixture.aCustomer();
        TicketId plain = complaint(customer).ticket().id();
        TicketId complex = complaint(customer).ticket().id();
        complaints.flagComplex(complex, 0, "agent.li");
        tickets.changeStatus(complex, 1, TicketStatus.SOLVED, "agent.li");
        tickets.changeStatus(plain, 0, TicketStatus.SOLVED, "agent.li");
        assertThat(callbacks(customer)).isEmpty();

        tickets.changeStatus(complex, 2, TicketStatus.CLOSED, "agent.li");
        tickets.changeStatus(plain, 1, TicketStatus.CLOSED, "agent.li");

        assertThat(callbacks(customer)).singleElement().satisfies(task -> {
            assertThat(task.owner()).isEqualTo(customer.owner());
            assertThat(task.reason().figures()).containsExactly(String.valueOf(complex.value()));
        });
    }

    @Test
    void aComplexComplaintClosedAutomaticallyGetsItsCallbackToo() {
        Customer customer = fixture.aCustomer();
        TicketId complex = complaint(customer).ticket().id();
        complaints.flagComplex(complex, 0, "agent.li");
        tickets.changeStatus(complex, 1, TicketStatus.SOLVED, "agent.li");

        clock.advance(Duration.ofDays(4).plusMinutes(1));
        closing.closeAllDue();

        assertThat(callbacks(customer)).hasSize(1);
    }

    private String specialist() {
        String username = accounts.person(Role.SENIOR_AGENT).username();
        people.change(username, null, null, new StaffingChange(Set.of(Complaints.SPECIALISTS), Set.of(), Set.of("zh"),
                null, false), ContactChange.NONE, "tester");
        people.changePresence(username, Presence.AVAILABLE);
        return username;
    }

    private TicketDetail complaint(Customer customer) {
        return tickets.create(complaintFor(customer, null), null, "agent.li").ticket();
    }

    private static TicketDraft complaintFor(Customer customer, String assignee) {
        return new TicketDraft(IntakeChannel.PHONE, customer.code(), Requester.NONE, "配送延误投诉",
                TicketType.COMPLAINT, Priority.HIGH, "三天未送达", null, null, assignee);
    }

    private static Instant due(TicketDetail ticket, SlaTarget target) {
        return ticket.targets().stream().filter(outcome -> outcome.target() == target).findFirst().orElseThrow().due();
    }

    private List<Task> callbacks(Customer customer) {
        return tasks.ofCustomer(customer.id()).stream().filter(task -> task.kind() == TaskKind.COMPLAINT_CALLBACK)
                .toList();
    }

    private static void assertRefused(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Conflict.class,
                e -> assertThat(e.problems().get(0).code()).isEqualTo(code));
    }
}
