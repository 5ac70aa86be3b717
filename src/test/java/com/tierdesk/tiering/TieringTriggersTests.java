package com.tierdesk.tiering;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static com.tierdesk.customer.CustomerFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.Label;
import com.tierdesk.shared.SettableTime.SettableClock;
import com.tierdesk.task.Task;
import com.tierdesk.task.TaskKind;
import com.tierdesk.task.TaskReason;
import com.tierdesk.task.TaskStatus;
import com.tierdesk.task.Tasks;
import com.tierdesk.tiering.TieringTriggers.CadenceStart;
import com.tierdesk.tiering.TieringTriggers.CheckOutcome;
import com.tierdesk.tiering.TriggerReason.Cadence;
import com.tierdesk.tiering.TriggerReason.ChurnWarning;
import com.tierdesk.tiering.TriggerReason.SpendDrop;
import com.tierdesk.tiering.scoring.ScoringModel;
import com.tierdesk.tiering.scoring.TierPolicy.TierRule;
import com.tierdesk.tiering.scoring.TierPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@TriggerChecksTest
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
    TierCatalog catalog;

    @Autowired
    ScoringModels models;

    @Autowired
    SettableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSteadyBuyersSpendDropReassessesThemAtOnceAndOnlyOnceIrregularBuyersEmptyMonthsDoNot() throws InterruptedException {
        clock.set(LocalDate.of(2014, 3, 10), LocalTime.of(2, 0));
        YearMonth march = YearMonth.of(2014, 3);
        Customer dropping = aBuyer("am-drop");
        Customer steady = aBuyer("am-drop");
        Customer sixMonths = aBuyer("am-drop");
        Customer irregular = aBuyer("am-drop");
        for (int back = 3; back <= 14; back++) {
            order(dropping, march.minusMonths(back).atDay(12), "1000.00");
            order(steady, march.minusMonths(back).atDay(12), "1000.00");
        }
        order(dropping, march.minusMonths(2).atDay(12), "500.00");
        order(dropping, march.minusMonths(1).atDay(12), "120.00");
        order(steady, march.minusMonths(2).atDay(12), "900.00");
        order(steady, march.minusMonths(1).atDay(12), "501.00");
        for (int back = 3; back <= 8; back++) {
            order(sixMonths, march.minusMonths(back).atDay(3), "2000.00");
        }
        order(sixMonths, march.minusMonths(2).atDay(3), "100.00");
        order(sixMonths, march.minusMonths(1).atDay(3), "100.00");
        for (int back = 3; back <= 12; back += 3) {
            order(irregular, march.minusMonths(back).atDay(20), "3000.00");
        }

        CheckOutcome outcome = triggers.check("supervisor-a");

        assertThat(outcome.spendDrops()).as("the dropping and the six-month buyer; not the irregular one").isEqualTo(2);
        AssessmentRun run = awaitFinished(outcome.spendDropRun());
        assertThat(run.trigger()).isEqualTo(TriggerKind.SPEND_DROP);
        assertThat(run.segment().triggered()).isTrue();
        assertThat(run.startedBy()).isEqualTo("supervisor-a");
        assertThat(run.status()).as("a run of several customers waits for a supervisor, though one-customer runs need none here")
                .isEqualTo(RunStatus.AWAITING_APPROVAL);
        assertThat(results.results(run.id(), ResultFilter.ALL, null, 0, 500)).extracting(r -> r.customer().code())
                .containsExactlyInAnyOrder(dropping.code(), sixMonths.code());
        assertThat(triggers.ofCustomer(dropping.id())).singleElement().satisfies(trigger -> {
            assertThat(trigger.kind()).isEqualTo(TriggerRecord.Kind.SPEND_DROP);
            assertThat(trigger.run()).isEqualTo(run.id());
            assertThat(trigger.checkedBy()).isEqualTo("supervisor-a");
            assertThat(trigger.reason()).isEqualTo(new SpendDrop(YearMonth.of(2014, 2), new BigDecimal("120.00"),
                    new BigDecimal("500.00"), new BigDecimal("1000.00"), new BigDecimal("50"), YearMonth.of(2013, 1),
                    YearMonth.of(2013, 12), 12));
        });
        assertThat(triggers.ofCustomer(sixMonths.id())).singleElement()
                .satisfies(trigger -> assertThat(((SpendDrop) trigger.reason()).activeMonths()).isEqualTo(6));
        assertThat(triggers.ofCustomer(steady.id())).isEmpty();
        assertThat(triggers.ofCustomer(irregular.id())).as("empty months of an irregular buyer are no drop").isEmpty();

        CheckOutcome again = triggers.check(TieringTriggers.SYSTEM);
        assertThat(again.spendDrops()).as("the same drop triggers once").isZero();
        assertThat(again.spendDropRun()).isNull();
    }

    @Test
    void aChurnWarningComesOnTheNinetiethDayWithoutAPaidOrderNotOnTheEightyNinth() {
        LocalDate today = LocalDate.of(2015, 5, 20);
        clock.set(today, LocalTime.of(2, 0));
        String owner = unique("am");
        Customer ninety = aBuyer(owner);
        order(ninety, today.minusDays(90), "300.00");
        Customer eightyNine = aBuyer(owner);
        order(eightyNine, today.minusDays(89), "300.00");

        CheckOutcome first = triggers.check(TieringTriggers.SYSTEM);

        assertThat(first.churnWarnings()).isEqualTo(1);
        List<Task> owned = tasks.list(owner, TaskStatus.OPEN, 10);
        assertThat(owned).singleElement().satisfies(task -> {
            assertThat(task.kind()).isEqualTo(TaskKind.CHURN_WARNING);
            assertThat(task.customerId()).isEqualTo(ninety.id());
            assertThat(task.owner()).isEqualTo(owner);
            assertThat(task.title()).as("words come from the reader's language").isNull();
            assertThat(task.reason()).isEqualTo(new TaskReason("CHURN_WARNING", List.of(today.minusDays(90).toString(), "90", "90")));
            assertThat(task.dueOn()).isEqualTo(today.plusDays(7));
        });
        assertThat(triggers.ofCustomer(ninety.id())).singleElement().satisfies(trigger -> {
            assertThat(trigger.reason()).isEqualTo(new ChurnWarning(today.minusDays(90), 90, 90, false));
            assertThat(trigger.taskId()).isEqualTo(owned.get(0).id());
        });
        assertThat(triggers.ofCustomer(eightyNine.id())).isEmpty();

        clock.set(today.plusDays(1), LocalTime.of(2, 0));
        assertThat(triggers.check(TieringTriggers.SYSTEM).churnWarnings()).isEqualTo(1);
        assertThat(tasks.list(owner, TaskStatus.OPEN, 10)).extracting(Task::customerId)
                .containsExactlyInAnyOrder(ninety.id(), eightyNine.id());
    }

    @Test
    void olderLapsesAreCaughtUpAFewADayTheMostRecentFirstAndWithoutAnOwnerTheyGoToThePool() {
        LocalDate today = LocalDate.of(2012, 6, 15);
        clock.set(today, LocalTime.of(2, 0));
        String owner = unique("am");
        Customer recent = aBuyer(null);
        order(recent, today.minusDays(95), "300.00");
        Customer older = aBuyer(owner);
        order(older, today.minusDays(200), "300.00");
        Customer oldest = aBuyer(owner);
        order(oldest, today.minusDays(400), "300.00");
        Customer ancient = aBuyer(owner);
        order(ancient, today.minusDays(500), "300.00");
        Customer onTime = aBuyer(owner);
        order(onTime, today.minusDays(90), "300.00");

        CheckOutcome first = triggers.check(TieringTriggers.SYSTEM);

        assertThat(first.churnWarnings()).as("the lapse that reached the limit today, outside the allowance").isEqualTo(1);
        assertThat(first.catchUpWarnings()).as("the day's allowance").isEqualTo(2);
        assertThat(first.catchUpWaiting()).isGreaterThanOrEqualTo(2);
        assertThat(triggers.ofCustomer(recent.id())).singleElement()
                .satisfies(trigger -> assertThat(trigger.reason()).isEqualTo(new ChurnWarning(today.minusDays(95), 95, 90, true)));
        assertThat(triggers.ofCustomer(older.id())).hasSize(1);
        assertThat(triggers.ofCustomer(oldest.id())).as("waits for tomorrow's allowance").isEmpty();
        assertThat(triggers.ofCustomer(ancient.id())).isEmpty();
        Task pooled = tasks.ofCustomer(recent.id()).get(0);
        assertThat(pooled.owner()).isNull();
        assertThat(pooled.reason().code()).isEqualTo("CHURN_CATCH_UP");
        assertThat(tasks.pool(500)).extracting(Task::id).contains(pooled.id());

        CheckOutcome again = triggers.check("supervisor-c");
        assertThat(again.churnWarnings() + again.catchUpWarnings()).as("the allowance is a day's, however often one checks").isZero();

        clock.set(today.plusDays(1), LocalTime.of(2, 0));
        CheckOutcome nextDay = triggers.check(TieringTriggers.SYSTEM);
        assertThat(nextDay.catchUpWarnings()).isEqualTo(2);
        assertThat(triggers.ofCustomer(oldest.id())).singleElement()
                .satisfies(trigger -> assertThat(trigger.reason()).isEqualTo(new ChurnWarning(today.minusDays(400), 401, 90, true)));
        assertThat(triggers.ofCustomer(ancient.id())).hasSize(1);
        assertThat(List.of(recent, older, onTime)).allSatisfy(customer -> assertThat(tasks.ofCustomer(customer.id())).hasSize(1));

        assertThat(tasks.take(pooled.id(), "supervisor-c").owner()).isEqualTo("supervisor-c");
        assertThat(tasks.pool(500)).extracting(Task::id).doesNotContain(pooled.id());
        assertThatThrownBy(() -> tasks.take(pooled.id(), "supervisor-d")).isInstanceOf(Conflict.class)
                .hasMessageContaining("supervisor-c owns it");
    }

    @Test
    void cadenceRunsOnFixedDatesAndARejectedRunIsTriedAgainAWeekLaterUntilTheNextDate() throws InterruptedException {
        LocalDate april = LocalDate.of(2016, 4, 1);
        String top = catalog.codes().get(0);
        clock.set(april, LocalTime.of(2, 0));

        List<CadenceStart> first = triggers.check(TieringTriggers.SYSTEM).cadenceRuns();

        assertThat(first).as("everybody's January date had no run: one run of everybody, which covers the top tier's April date")
                .singleElement().satisfies(started -> {
                    assertThat(started.group()).isEqualTo(CadenceGroup.EVERYBODY);
                    assertThat(started.dueOn()).isEqualTo(LocalDate.of(2016, 1, 1));
                    assertThat(started.attempt()).isEqualTo(1);
                });
        AssessmentRun everybody = assessments.get(first.get(0).run());
        assertThat(everybody.trigger()).isEqualTo(TriggerKind.CADENCE);
        assertThat(everybody.segment().everybodyIncluded()).isTrue();
        assertThat(everybody.asOf()).isEqualTo(april);
        assertThat(cadenceTrigger(everybody.id()).reason()).isEqualTo(new Cadence(CadenceGroup.EVERYBODY, null, 1,
                List.of(1, 7), LocalDate.of(2016, 1, 1), 1, null, null, 7));
        assertThat(triggers.check(TieringTriggers.SYSTEM).cadenceRuns()).as("checked again the same day").isEmpty();

        awaitFinished(everybody.id());
        decisions.reject(everybody.id(), "supervisor-b", "not now");
        clock.set(april.plusDays(1), LocalTime.of(2, 0));
        List<CadenceStart> second = triggers.check(TieringTriggers.SYSTEM).cadenceRuns();

        assertThat(second).as("everybody's retry waits a week; the top tier's date has no run on its way any more")
                .singleElement().satisfies(started -> {
                    assertThat(started.group()).isEqualTo(CadenceGroup.TOP_TIER);
                    assertThat(started.tier()).isEqualTo(top);
                    assertThat(started.dueOn()).isEqualTo(april);
                    assertThat(assessments.get(started.run()).segment().tiers()).containsExactly(top);
                });

        clock.set(april.plusDays(6), LocalTime.of(23, 0));
        assertThat(triggers.check(TieringTriggers.SYSTEM).cadenceRuns()).as("six days after the rejected run").isEmpty();
        clock.set(april.plusDays(7), LocalTime.of(2, 0));
        assertThat(triggers.check(TieringTriggers.SYSTEM).cadenceRuns()).singleElement().satisfies(started -> {
            assertThat(started.group()).isEqualTo(CadenceGroup.EVERYBODY);
            assertThat(started.dueOn()).isEqualTo(LocalDate.of(2016, 1, 1));
            assertThat(started.attempt()).isEqualTo(2);
            assertThat(cadenceTrigger(started.run()).reason()).isEqualTo(new Cadence(CadenceGroup.EVERYBODY, null, 1,
                    List.of(1, 7), LocalDate.of(2016, 1, 1), 2, everybody.id(), RunStatus.REJECTED, 7));
        });
        clock.set(april.plusDays(20), LocalTime.of(2, 0));
        assertThat(triggers.check(TieringTriggers.SYSTEM).cadenceRuns()).as("both runs are on their way").isEmpty();

        clock.set(LocalDate.of(2016, 7, 1), LocalTime.of(2, 0));
        assertThat(triggers.check(TieringTriggers.SYSTEM).cadenceRuns()).as("the next date comes whatever the last one's runs do")
                .singleElement().satisfies(started -> {
                    assertThat(started.group()).isEqualTo(CadenceGroup.EVERYBODY);
                    assertThat(started.dueOn()).isEqualTo(LocalDate.of(2016, 7, 1));
                    assertThat(started.attempt()).isEqualTo(1);
                });
    }

    @Test
    void theTopTierIsReassessedWhateverTheLadderCallsIt() {
        List<Tier> shipped = catalog.tiers();
        ModelVersion active = models.active();
        clock.set(LocalDate.of(2018, 10, 1), LocalTime.of(2, 0));
        try {
            List<Tier> ladder = new ArrayList<>(List.of(new Tier("DIAMOND", 1, "钻石客户", "Diamond")));
            ladder.addAll(shipped);
            catalog.replace(ladder, "admin");
            ScoringModel definition = active.definition();
            TierPolicy policy = definition.tierPolicy();
            List<TierRule> rules = new ArrayList<>(List.of(new TierRule("DIAMOND", 99.0, 0.0)));
            rules.addAll(policy.tiers());
            ModelVersion diamond = models.create(new ScoringModel(Label.of(unique("Diamond ladder")), definition.description(),
                    definition.dimensions(), definition.rules(), new TierPolicy(rules, policy.grading(),
                    policy.minimumPopulationForQuotas(), policy.churnDays(), policy.downgradeMargin())), null, "admin");
            models.activate(diamond.modelId(), "admin");
            assessments.start(new AssessmentRequest(LocalDate.of(2018, 7, 5), null, null, null), TriggerKind.MANUAL, null, "analyst");

            List<CadenceStart> started = triggers.check(TieringTriggers.SYSTEM).cadenceRuns();

            assertThat(started).as("everybody's July date has a run on its way; the top tier's October date is due")
                    .singleElement().satisfies(run -> {
                        assertThat(run.group()).isEqualTo(CadenceGroup.TOP_TIER);
                        assertThat(run.tier()).isEqualTo("DIAMOND");
                        assertThat(assessments.get(run.run()).segment().tiers()).containsExactly("DIAMOND");
                    });
        } finally {
            models.activate(active.modelId(), "admin");
            catalog.replace(shipped, "admin");
        }
    }

    @Test
    void twoInstancesCheckingAtOnceRecordEachOccurrenceOnce() throws Exception {
        LocalDate today = LocalDate.of(2019, 7, 1);
        clock.set(today, LocalTime.of(2, 0));
        Customer lapsed = aBuyer(unique("am"));
        order(lapsed, today.minusDays(90), "300.00");
        // the day's activity snapshot is current, so that the two checks do not both rebuild it (H2 stops waiting for a lock)
        activity.refresh();
        ExecutorService instances = Executors.newFixedThreadPool(2);
        CountDownLatch ready = new CountDownLatch(2);
        Callable<CheckOutcome> check = () -> {
            ready.countDown();
            ready.await();
            return triggers.check(TieringTriggers.SYSTEM);
        };
        List<CheckOutcome> outcomes = new ArrayList<>();
        try {
            for (Future<CheckOutcome> outcome : instances.invokeAll(List.of(check, check))) {
                outcomes.add(outcome.get());
            }
        } finally {
            instances.shutdownNow();
        }

        assertThat(outcomes.stream().mapToInt(outcome -> outcome.cadenceRuns().size()).sum()).isEqualTo(1);
        assertThat(outcomes.stream().mapToInt(CheckOutcome::churnWarnings).sum()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tiering_trigger WHERE occurrence_key LIKE 'CADENCE:EVERYBODY:2019-07-01:%'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(tasks.ofCustomer(lapsed.id())).hasSize(1);
    }

    private TriggerRecord cadenceTrigger(RunId run) {
        return triggers.recent(500).stream().filter(trigger -> run.equals(trigger.run())).findFirst().orElseThrow();
    }

    private AssessmentRun awaitFinished(RunId id) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            AssessmentRun run = assessments.get(id);
            if (run.status().finished()) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    private Customer aBuyer(String owner) {
        return customers.create(aCustomer().name("触发测试").owner(owner).build());
    }

    private void order(Customer customer, LocalDate day, String amount) {
        orders.upsert(anOrder(customer.code()).amount(amount).paidAt(day.atTime(11, 0).atZone(SHANGHAI).toInstant().toString()).build());
    }
}
