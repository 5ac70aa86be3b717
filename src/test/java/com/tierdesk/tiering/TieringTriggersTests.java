package com.tierdesk.tiering;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.Consent;
import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerDraft;
import com.tierdesk.customer.CustomerKind;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.OrderDraft;
import com.tierdesk.customer.OrderStatus;
import com.tierdesk.task.Task;
import com.tierdesk.task.TaskKind;
import com.tierdesk.task.TaskStatus;
import com.tierdesk.task.Tasks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class TieringTriggersTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TieringTriggers triggers;

    @Autowired
    Assessments assessments;

    @Autowired
    RunDecisions decisions;

    @Autowired
    AssessmentResults results;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    CustomerActivity activity;

    @Autowired
    Tasks tasks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSpendDropReassessesTheCustomerAtOnceAndOnlyOnce() throws InterruptedException {
        Customer dropping = aCustomer("owner-a");
        Customer steady = aCustomer("owner-a");
        YearMonth month = YearMonth.from(activity.today());
        for (int back = 3; back <= 14; back++) {
            order(dropping, month.minusMonths(back).atDay(12), "1000.00");
            order(steady, month.minusMonths(back).atDay(12), "1000.00");
        }
        order(dropping, month.minusMonths(2).atDay(12), "500.00");
        order(dropping, month.minusMonths(1).atDay(12), "120.00");
        order(steady, month.minusMonths(2).atDay(12), "900.00");
        order(steady, month.minusMonths(1).atDay(12), "501.00");

        TieringTriggers.CheckOutcome outcome = triggers.check();

        AssessmentRun run = outcome.spendDropRun().orElseThrow();
        assertThat(run.trigger()).isEqualTo(TriggerKind.SPEND_DROP);
        assertThat(run.segment().triggered()).isTrue();
        AssessmentRun scored = awaitScored(run.id());
        assertThat(results.results(scored.id(), ResultFilter.ALL, null, 0, 500)).extracting(r -> r.customer().code())
                .contains(dropping.code()).doesNotContain(steady.code());
        assertThat(triggers.ofCustomer(dropping.id())).singleElement().satisfies(trigger -> {
            assertThat(trigger.kind()).isEqualTo(TriggerRecord.Kind.SPEND_DROP);
            assertThat(trigger.run()).isEqualTo(run.id());
            assertThat(trigger.reason()).startsWith("spend of 120.00 in " + month.minusMonths(1) + " and 500.00 in "
                    + month.minusMonths(2) + " is at most 50% of the monthly average 1000.00");
        });
        assertThat(triggers.ofCustomer(steady.id())).isEmpty();
        assertThat(triggers.check().spendDropRun()).as("the same drop triggers once").isEmpty();
    }

    @Test
    void ninetyDaysWithoutAPaidOrderGivesTheOwnerOneChurnWarning() {
        Customer lapsed = aCustomer("owner-" + UUID.randomUUID().toString().substring(0, 6));
        LocalDate lastOrder = activity.today().minusDays(95);
        order(lapsed, lastOrder, "300.00");
        Customer longGone = aCustomer(lapsed.owner());
        order(longGone, activity.today().minusDays(400), "300.00");

        triggers.check();
        triggers.check();

        List<Task> owned = tasks.list(lapsed.owner(), TaskStatus.OPEN, 10);
        assertThat(owned).singleElement().satisfies(task -> {
            assertThat(task.kind()).isEqualTo(TaskKind.CHURN_WARNING);
            assertThat(task.customerId()).isEqualTo(lapsed.id());
            assertThat(task.detail()).isEqualTo("no paid order since " + lastOrder + " (95 days, more than 90)");
            assertThat(task.dueOn()).isEqualTo(activity.today().plusDays(7));
        });
        assertThat(triggers.ofCustomer(lapsed.id())).filteredOn(trigger -> trigger.kind() == TriggerRecord.Kind.CHURN_WARNING)
                .singleElement().satisfies(trigger -> assertThat(trigger.taskId()).isEqualTo(owned.get(0).id()));
    }

    @Test
    void cadenceReassessesWhenTheLatestPublishedRunCoveringATierIsTooOld() {
        aCustomer("owner-c");
        AssessmentRun published = assessments.run(new AssessmentRequest(activity.today(), null, null, null),
                TriggerKind.MANUAL, null, "analyst");
        decisions.approve(published.id(), "supervisor", null);
        decisions.publish(published.id());
        assertThat(triggers.check().cadenceRuns()).as("nothing is due right after a run").isEmpty();

        jdbc.sql("UPDATE assessment_run SET as_of = :old WHERE status = 'PUBLISHED'")
                .param("old", activity.today().minusMonths(4)).update();
        List<AssessmentRun> started = triggers.check().cadenceRuns();

        assertThat(started).singleElement().satisfies(run -> {
            assertThat(run.trigger()).isEqualTo(TriggerKind.CADENCE);
            assertThat(run.segment().tiers()).containsExactly("VIP");
            assertThat(run.triggerReason()).startsWith("tiers VIP are reassessed every P3M; the latest published run");
        });
        assertThat(triggers.check().cadenceRuns()).as("one run per lapse, however often the check runs").isEmpty();
        jdbc.sql("UPDATE assessment_run SET as_of = :old WHERE status = 'PUBLISHED'")
                .param("old", activity.today().minusMonths(7)).update();
        assertThat(triggers.check().cadenceRuns()).extracting(run -> run.segment().everybodyIncluded()).containsExactly(true);
    }

    private AssessmentRun awaitScored(RunId id) throws InterruptedException {
        for (int attempt = 0; attempt < 150; attempt++) {
            AssessmentRun run = assessments.get(id);
            if (run.status().finished()) {
                assertThat(run.status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    private Customer aCustomer(String owner) {
        String code = "TR-" + UUID.randomUUID().toString().substring(0, 12);
        return customers.create(new CustomerDraft(code, "触发测试 " + code, CustomerKind.PERSON, "retail", null, null, null,
                null, null, LocalDate.of(2023, 1, 1), null, owner, Consent.NONE, List.of()));
    }

    private void order(Customer customer, LocalDate day, String amount) {
        var paid = day.atTime(11, 0).atZone(SHANGHAI).toInstant();
        orders.upsert(new OrderDraft("TR-O-" + UUID.randomUUID(), customer.code(), new BigDecimal(amount), BigDecimal.ZERO,
                paid.minusSeconds(900), paid, OrderStatus.PAID));
    }
}
