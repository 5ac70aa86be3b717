package com.tierdesk.ticket;

import static com.tierdesk.ticket.TicketFixture.inquiry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.tierdesk.EnglishAnswers;
import com.tierdesk.customer.Customer;
import com.tierdesk.customer.PageSpec;
import com.tierdesk.security.ApiTokens;
import com.tierdesk.notification.Notification;
import com.tierdesk.notification.Notifications;
import com.tierdesk.security.ContactChange;
import com.tierdesk.security.People;
import com.tierdesk.security.Presence;
import com.tierdesk.security.Role;
import com.tierdesk.security.StaffingChange;
import com.tierdesk.security.TestAccounts;
import com.tierdesk.security.UserAccount;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@Import({EnglishAnswers.class, SettableTime.class, TicketFixture.class, AssignmentTests.Accounts.class})
class AssignmentTests {

    private static final Duration LISTENERS = Duration.ofSeconds(30);

    @Autowired
    Tickets tickets;

    @Autowired
    TicketFixture fixture;

    @Autowired
    People people;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Tasks tasks;

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettableTime.SettableClock clock;


    static class Accounts {

        @Bean
        TestAccounts testAccounts(UserAccounts userAccounts, ApiTokens tokens) {
            return new TestAccounts(userAccounts, tokens);
        }
    }

    /** Everybody else signs out, so that only the people a test sets up can be picked; and they do after it. */
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
    void aVipTicketGoesToTheDedicatedAccountManagerFirst() {
        String manager = person(Role.ACCOUNT_MANAGER, Presence.AVAILABLE, null, Set.of());
        String senior = person(Role.SENIOR_AGENT, Presence.AVAILABLE, null, Set.of("INQUIRY"));
        Customer vip = fixture.aCustomerOf(manager, "VIP");

        TicketDetail ticket = create(vip);

        assertThat(ticket.ticket().assignee()).isEqualTo(manager).isNotEqualTo(senior);
        assertThat(assignment(ticket)).singleElement().satisfies(entry -> {
            assertThat(entry.code()).isEqualTo("ticket.timeline.assignment.owner");
            assertThat(entry.arguments()).containsExactly(manager, "1", "50");
        });
    }

    @Test
    void aVipTicketGoesToTheLeastLoadedSeniorWhenTheManagerIsAway() {
        String manager = person(Role.ACCOUNT_MANAGER, Presence.AWAY, null, Set.of("INQUIRY"));
        String busySenior = person(Role.SENIOR_AGENT, Presence.AVAILABLE, null, Set.of("INQUIRY"));
        String idleSenior = person(Role.SENIOR_AGENT, Presence.AVAILABLE, null, Set.of("INQUIRY"));
        String idleAgent = person(Role.AGENT, Presence.AVAILABLE, null, Set.of("INQUIRY"));
        tickets.create(withAssignee(fixture.aCustomer(), busySenior), null, "tester");
        Customer vip = fixture.aCustomerOf(manager, "VIP");

        TicketDetail ticket = create(vip);

        assertThat(ticket.ticket().assignee()).isEqualTo(idleSenior).isNotEqualTo(idleAgent);
        assertThat(assignment(ticket)).extracting(TimelineEntry::code).containsExactly(
                "ticket.timeline.assignment.owner-away", "ticket.timeline.assignment.senior-speaking");
        assertThat(assignment(ticket).get(1).arguments()).containsExactly(idleSenior, "INQUIRY", "zh", "0", "1", "50");
    }

    @Test
    void aVipTicketGoesToSeniorSupportWhenTheManagerReachedTheCap() {
        String manager = person(Role.ACCOUNT_MANAGER, Presence.AVAILABLE, 1, Set.of());
        String senior = person(Role.SENIOR_AGENT, Presence.AVAILABLE, null, Set.of("INQUIRY"));
        Customer vip = fixture.aCustomerOf(manager, "VIP");

        assertThat(create(vip).ticket().assignee()).isEqualTo(manager);
        TicketDetail second = create(vip);

        assertThat(second.ticket().assignee()).isEqualTo(senior);
        assertThat(assignment(second)).extracting(TimelineEntry::code).containsExactly(
                "ticket.timeline.assignment.owner-capped", "ticket.timeline.assignment.senior-speaking");
    }

    @Test
    void otherTiersGoToTheLeastLoadedAvailableAgentWithTheSkill() {
        String busy = person(Role.AGENT, Presence.AVAILABLE, null, Set.of("INQUIRY"));
        String idle = person(Role.AGENT, Presence.AVAILABLE, null, Set.of("INQUIRY"));
        person(Role.AGENT, Presence.AVAILABLE, null, Set.of("COMPLAINT"));
        person(Role.AGENT, Presence.AWAY, null, Set.of("INQUIRY"));
        tickets.create(withAssignee(fixture.aCustomer(), busy), null, "tester");
        Customer regular = fixture.aCustomerOf("manager", "REGULAR");

        TicketDetail ticket = create(regular);

        assertThat(ticket.ticket().assignee()).isEqualTo(idle);
        assertThat(assignment(ticket)).singleElement().satisfies(entry -> {
            assertThat(entry.code()).isEqualTo("ticket.timeline.assignment.skilled-speaking");
            assertThat(entry.arguments()).containsExactly(idle, "INQUIRY", "zh", "0", "1", "50");
        });
    }

    @Test
    void aTicketGoesToSomeoneWhoSpeaksTheRequestersLanguageBeforeALessLoadedAgent() {
        String chinese = person(Role.AGENT, Presence.AVAILABLE, null, Set.of("INQUIRY"), Set.of("zh"));
        String english = person(Role.AGENT, Presence.AVAILABLE, null, Set.of("INQUIRY"), Set.of("en"));
        tickets.create(withAssignee(fixture.aCustomer(), english), null, "tester");
        Customer regular = fixture.aCustomerOf("manager", "REGULAR");

        TicketDetail ticket = tickets.create(inEnglish(inquiry(regular.code())), null, "tester").ticket();

        assertThat(ticket.ticket().requester().language()).isEqualTo("en");
        assertThat(ticket.ticket().assignee()).isEqualTo(english).isNotEqualTo(chinese);
        assertThat(assignment(ticket)).singleElement().satisfies(entry -> {
            assertThat(entry.code()).isEqualTo("ticket.timeline.assignment.skilled-speaking");
            assertThat(entry.arguments()).containsExactly(english, "INQUIRY", "en", "1", "2", "50");
        });
    }

    @Test
    void withNobodyWhoSpeaksTheLanguageAtHandTheTicketFallsBackToTheSkillAndSaysSo() {
        String chinese = person(Role.AGENT, Presence.AVAILABLE, null, Set.of("INQUIRY"), Set.of("zh"));
        person(Role.AGENT, Presence.AWAY, null, Set.of("INQUIRY"), Set.of("en"));
        person(Role.AGENT, Presence.AVAILABLE, 0, Set.of("INQUIRY"), Set.of("en"));
        Customer regular = fixture.aCustomerOf("manager", "REGULAR");

        TicketDetail ticket = tickets.create(inEnglish(inquiry(regular.code())), null, "tester").ticket();

        assertThat(ticket.ticket().assignee()).as("rather than waiting for an English speaker").isEqualTo(chinese);
        assertThat(assignment(ticket)).singleElement().satisfies(entry -> {
            assertThat(entry.code()).isEqualTo("ticket.timeline.assignment.skilled-any-language");
            assertThat(entry.arguments()).containsExactly(chinese, "INQUIRY", "en", "0", "1", "50");
        });
    }

    @Test
    void aVipFallsBackToASeniorAgentWhoDoesNotSpeakTheLanguageWhenTheManagerIsAway() {
        String manager = person(Role.ACCOUNT_MANAGER, Presence.AWAY, null, Set.of("INQUIRY"), Set.of("en"));
        person(Role.AGENT, Presence.AVAILABLE, null, Set.of("INQUIRY"), Set.of("en"));
        String senior = person(Role.SENIOR_AGENT, Presence.AVAILABLE, null, Set.of("INQUIRY"), Set.of("zh"));
        Customer vip = fixture.aCustomerOf(manager, "VIP");

        TicketDetail ticket = tickets.create(inEnglish(inquiry(vip.code())), null, "tester").ticket();

        assertThat(ticket.ticket().assignee()).as("a VIP goes to senior support, not to an agent").isEqualTo(senior);
        assertThat(assignment(ticket)).extracting(TimelineEntry::code).containsExactly(
                "ticket.timeline.assignment.owner-away", "ticket.timeline.assignment.senior-any-language");
    }

    @Test
    void aRequesterWhoDoesNotSayTheirLanguageGetsTheConfiguredOneAndAnUnknownOneIsRefused() {
        Customer regular = fixture.aCustomerOf("manager", "REGULAR");

        assertThat(create(regular).ticket().requester().language()).as("tierdesk.tickets.default-language")
                .isEqualTo("zh");
        TicketDraft klingon = withLanguage(inquiry(regular.code()), "tlh");
        assertThatThrownBy(() -> tickets.create(klingon, "language-" + regular.code(), "tester"))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.problems())
                        .extracting(FieldProblem::field, problem -> problem.reason().code())
                        .containsExactly(tuple("requester.language", "problem.one-of")));
        assertThat(tickets.list(new TicketSearch(null, regular.code(), null, null, null, null, new PageSpec(0, 10)))
                .totalItems()).as("nothing written").isEqualTo(1);
    }

    @Test
    void aTicketNobodyCanTakeWaitsUnassignedAndTheSupervisorsGetATask() {
        String agent = person(Role.AGENT, Presence.AVAILABLE, 1, Set.of("INQUIRY"));
        Customer regular = fixture.aCustomerOf("manager", "REGULAR");
        assertThat(create(regular).ticket().assignee()).isEqualTo(agent);

        TicketDetail capped = create(regular);

        assertThat(capped.ticket().assignee()).isNull();
        assertThat(assignment(capped)).singleElement().satisfies(entry -> {
            assertThat(entry.code()).isEqualTo("ticket.timeline.assignment.everyone-capped");
            assertThat(entry.arguments()).containsExactly("INQUIRY", "1");
        });
        assertThat(alerts(regular)).singleElement().satisfies(task -> {
            assertThat(task.owner()).as("in the supervisors' pool").isNull();
            assertThat(task.reason().figures()).containsExactly(String.valueOf(capped.ticket().id().value()),
                    "INQUIRY");
        });
    }

    @Test
    void aTicketWithNobodyAvailableWaitsUnassigned() {
        person(Role.AGENT, Presence.AWAY, null, Set.of("INQUIRY"));
        String supervisor = accounts.person(Role.SUPERVISOR).username();
        Customer regular = fixture.aCustomerOf("manager", "REGULAR");

        TicketDetail ticket = create(regular);

        assertThat(ticket.ticket().assignee()).isNull();
        assertThat(assignment(ticket)).extracting(TimelineEntry::code)
                .containsExactly("ticket.timeline.assignment.nobody-available");
        assertThat(alerts(regular)).hasSize(1);
        assertThat(notifications.inbox(supervisor)).extracting(Notification::template, Notification::link)
                .contains(tuple("notification.ticket.unassigned", "/tickets/" + ticket.ticket().id().value()));
    }

    @Test
    void twoTicketsAssignedAtOnceNeverPushAnAgentOverTheCap() throws Exception {
        String agent = person(Role.AGENT, Presence.AVAILABLE, 1, Set.of("INQUIRY"));
        Customer regular = fixture.aCustomerOf("manager", "REGULAR");

        List<TicketDetail> both = together(() -> create(regular));

        assertThat(both).extracting(ticket -> ticket.ticket().assignee()).containsExactlyInAnyOrder(agent, null);
        assertThat(jdbc.sql("SELECT assigned FROM ticket_daily_load WHERE username = :agent").param("agent", agent)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aSupervisorAssignsAWaitingTicketAutomaticallyOnceSomeoneIsBack() {
        String agent = person(Role.AGENT, Presence.AWAY, null, Set.of("INQUIRY"));
        Customer regular = fixture.aCustomerOf("manager", "REGULAR");
        TicketDetail waiting = create(regular);
        people.changePresence(agent, Presence.AVAILABLE);

        TicketDetail assigned = tickets.assignAutomatically(waiting.ticket().id(), waiting.ticket().version(),
                "supervisor");

        assertThat(assigned.ticket().assignee()).isEqualTo(agent);
        assertThat(assignment(assigned)).extracting(TimelineEntry::code).containsExactly(
                "ticket.timeline.assignment.nobody-available", "ticket.timeline.assignment.skilled-speaking");
    }

    @Test
    void aTicketGivenByHandCountsTowardsTheCap() {
        String agent = person(Role.AGENT, Presence.AVAILABLE, 1, Set.of("INQUIRY"));
        tickets.create(withAssignee(fixture.aCustomer(), agent), null, "tester");

        assertThat(create(fixture.aCustomerOf("manager", "REGULAR")).ticket().assignee()).isNull();
    }

    @Test
    void aLiveChatIsDueInThirtySecondsOnlyWhileAnAgentIsAvailable() {
        Customer regular = fixture.aCustomerOf("manager", "REGULAR");
        TicketDetail nobodyOnline = tickets.create(chat(regular), null, "chat").ticket();
        person(Role.AGENT, Presence.AVAILABLE, null, Set.of());

        TicketDetail agentOnline = tickets.create(chat(regular), null, "chat").ticket();

        assertThat(dueAfter(agentOnline, SlaTarget.FIRST_CHAT_REPLY)).contains(Duration.ofSeconds(30));
        assertThat(dueAfter(nobodyOnline, SlaTarget.FIRST_CHAT_REPLY)).isEmpty();
        TicketDetail noted = tickets.addMessage(agentOnline.ticket().id(), agentOnline.ticket().version(),
                new MessageDraft(MessageKind.INTERNAL_NOTE, "查询订单中"), "chat.agent").ticket();
        assertThat(dueAfter(noted, SlaTarget.FIRST_CHAT_REPLY)).as("a later replay keeps the rule")
                .contains(Duration.ofSeconds(30));
    }

    @Test
    void theOpenTicketsOfADisabledAgentGoBackThroughTheRulesAndTheSolvedOnesStay() {
        String leaving = person(Role.AGENT, Presence.AVAILABLE, null, Set.of("INQUIRY"));
        Customer regular = fixture.aCustomerOf("manager", "REGULAR");
        TicketDetail open = create(regular);
        TicketDetail pending = create(regular);
        tickets.changeStatus(pending.ticket().id(), pending.ticket().version(), TicketStatus.PENDING_CUSTOMER, leaving);
        TicketDetail solved = create(regular);
        tickets.changeStatus(solved.ticket().id(), solved.ticket().version(), TicketStatus.SOLVED, leaving);
        assertThat(List.of(open, pending, solved)).extracting(ticket -> ticket.ticket().assignee()).containsOnly(leaving);
        String staying = person(Role.AGENT, Presence.AVAILABLE, null, Set.of("INQUIRY"));
        String admin = accounts.person(Role.ADMIN).username();

        people.change(leaving, null, false, StaffingChange.NONE, ContactChange.NONE, admin);

        await().atMost(LISTENERS).untilAsserted(() -> assertThat(List.of(open, pending))
                .allSatisfy(ticket -> assertThat(reread(ticket).ticket().assignee()).isEqualTo(staying)));
        for (TicketDetail ticket : List.of(open, pending)) {
            List<TimelineEntry> timeline = reread(ticket).timeline();
            assertThat(timeline.subList(timeline.size() - 2, timeline.size())).satisfiesExactly(
                    why -> {
                        assertThat(why.code()).isEqualTo("ticket.timeline.requeued.disabled");
                        assertThat(why.actor()).isEqualTo(admin);
                        assertThat(why.arguments()).containsExactly(leaving);
                    },
                    rule -> assertThat(rule.code()).isEqualTo("ticket.timeline.assignment.skilled-speaking"));
        }
        assertThat(reread(solved).ticket().assignee()).as("a solved ticket stays theirs").isEqualTo(leaving);
    }

    @Test
    void whenNobodyElseCanTakeThemTheTicketsOfAnAgentMovedToQaWaitAndTheSupervisorsAreAlerted() {
        String leaving = person(Role.AGENT, Presence.AVAILABLE, null, Set.of("INQUIRY"));
        String supervisor = accounts.person(Role.SUPERVISOR).username();
        Customer regular = fixture.aCustomerOf("manager", "REGULAR");
        TicketDetail open = create(regular);
        assertThat(open.ticket().assignee()).isEqualTo(leaving);
        String admin = accounts.person(Role.ADMIN).username();

        people.change(leaving, Role.QA, null, StaffingChange.NONE, ContactChange.NONE, admin);

        await().atMost(LISTENERS).untilAsserted(() -> assertThat(reread(open).ticket().assignee()).isNull());
        assertThat(assignment(reread(open))).extracting(TimelineEntry::code).endsWith(
                "ticket.timeline.assignment.nobody-available");
        assertThat(reread(open).timeline()).filteredOn(entry -> entry.code().startsWith("ticket.timeline.requeued."))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.code()).isEqualTo("ticket.timeline.requeued.role");
                    assertThat(entry.arguments()).containsExactly(leaving, "QA");
                });
        assertThat(alerts(regular)).hasSize(1);
        assertThat(notifications.inbox(supervisor)).extracting(Notification::template, Notification::link)
                .contains(tuple("notification.ticket.unassigned", "/tickets/" + open.ticket().id().value()));
    }

    private TicketDetail reread(TicketDetail ticket) {
        return tickets.get(ticket.ticket().id());
    }

    private String person(Role role, Presence presence, Integer cap, Set<String> types) {
        return person(role, presence, cap, types, Set.of("zh"));
    }

    private String person(Role role, Presence presence, Integer cap, Set<String> types, Set<String> languages) {
        UserAccount account = accounts.person(role);
        people.change(account.username(), null, null,
                new StaffingChange(null, types, languages, cap, false), ContactChange.NONE, "tester");
        people.changePresence(account.username(), presence);
        return account.username();
    }

    private TicketDetail create(Customer customer) {
        return tickets.create(inquiry(customer.code()), null, "tester").ticket();
    }

    private static TicketDraft withAssignee(Customer customer, String assignee) {
        TicketDraft draft = inquiry(customer.code());
        return new TicketDraft(draft.channel(), draft.customer(), draft.requester(), draft.subject(), draft.type(),
                draft.priority(), draft.description(), draft.tags(), draft.attachments(), assignee);
    }

    private static TicketDraft inEnglish(TicketDraft draft) {
        return withLanguage(draft, "en");
    }

    private static TicketDraft withLanguage(TicketDraft draft, String language) {
        Requester requester = draft.requester();
        return new TicketDraft(draft.channel(), draft.customer(),
                new Requester(requester.name(), requester.email(), requester.phone(), language), draft.subject(),
                draft.type(), draft.priority(), draft.description(), draft.tags(), draft.attachments(), draft.assignee());
    }

    private static TicketDraft chat(Customer customer) {
        return new TicketDraft(IntakeChannel.CHAT, customer.code(), Requester.NONE, "在线咨询", TicketType.INQUIRY,
                Priority.NORMAL, null, null, null, "chat.agent");
    }

    private static Optional<Duration> dueAfter(TicketDetail ticket, SlaTarget target) {
        return ticket.targets().stream().filter(outcome -> outcome.target() == target)
                .map(outcome -> Duration.between(ticket.ticket().createdAt(), outcome.due())).findFirst();
    }

    private static List<TimelineEntry> assignment(TicketDetail ticket) {
        return ticket.timeline().stream().filter(entry -> entry.code().startsWith("ticket.timeline.assignment."))
                .toList();
    }

    private List<Task> alerts(Customer customer) {
        return tasks.ofCustomer(customer.id()).stream().filter(task -> task.kind() == TaskKind.UNASSIGNED_TICKET)
                .toList();
    }

    private static <T> List<T> together(Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var ready = new CountDownLatch(2);
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return work.call();
                }));
            }
            var results = new ArrayList<T>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
