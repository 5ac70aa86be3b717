package com.tierdesk.tiering;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anInteraction;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tierdesk.customer.Consent;
import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerDraft;
import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.CustomerInteractions;
import com.tierdesk.customer.CustomerKind;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.InteractionKind;
import com.tierdesk.customer.OrderStatus;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.Label;
import com.tierdesk.tiering.scoring.DecisionReason;
import com.tierdesk.tiering.scoring.GradingReason;
import com.tierdesk.tiering.scoring.ModelPresets;
import com.tierdesk.tiering.scoring.Scorecard;
import com.tierdesk.tiering.scoring.ScoringModel;
import com.tierdesk.tiering.scoring.TierDecision.Reason;
import com.tierdesk.tiering.scoring.TierPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class AssessmentsTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    com.tierdesk.tiering.internal.RunApprovals approvals;

    @Autowired
    Assessments assessments;

    @Autowired
    RunDecisions decisions;

    @Autowired
    AssessmentResults results;

    @Autowired
    ScoringModels models;

    @Autowired
    CustomerTiers customerTiers;

    @Autowired
    IndustryGrowth industryGrowth;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    CustomerInteractions interactions;

    @Autowired
    CustomerActivity activity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    com.tierdesk.tiering.internal.RunStore runStore;

    LocalDate today;
    YearMonth month;
    String industry;

    @BeforeEach
    void setUp() {
        today = activity.today();
        month = YearMonth.from(today);
        industry = "growth-" + UUID.randomUUID().toString().substring(0, 8);
        industryGrowth.put(industry, today.getYear(), new BigDecimal("12.00"), "test figures", "analyst");
    }

    @Test
    void reproducesTheDefaultModelsScorecardComputedByHand() {
        Customer customer = steadyBuyer();
        enoughBuyersToFitPurchaseProbability();

        AssessmentRun run = assessAll("analyst");
        TierExplanation explanation = results.explain(run.id(), customer.id());

        double p = explanation.metrics().get("purchase_probability");
        assertThat(explanation.metrics()).containsEntry("spend_12m", 10_000.0).containsEntry("average_order_value", 2_500.0)
                .containsEntry("industry_growth", 12.0).containsEntry("order_growth_rate", 0.0)
                .containsEntry("new_needs_12m", 2.0).containsEntry("referral_rate", 0.25).containsEntry("complaint_rate", 0.25);
        assertThat(explanation.metrics().get("repurchase_rate")).isCloseTo(4 / 12.0, within(1e-12));
        assertThat(p).isBetween(0.0, 1.0);
        // Value 50 (spend 10,000 → 100 × 80%, AOV 2,500 → 100 × 20%), Potential 30 (growth 12% → 84, order growth
        // 0 → 50, 2 new needs → 85, P(alive) × 100, a quarter each), Loyalty 20 (repurchase 4/12 → 50 + 35 × (1/3 −
        // 1/4) / (1/2 − 1/4) × 50%, referrals 0.25 → 100 × 25%, complaints 0.25 → 87.5 inverted to 12.5 × 25%)
        double repurchase = 50 + 35 * (4 / 12.0 - 0.25) / 0.25;
        double byHand = 0.5 * (0.8 * 100 + 0.2 * 100) + 0.3 * 0.25 * (84 + 50 + 85 + 100 * p)
                + 0.2 * (0.5 * repurchase + 0.25 * 100 + 0.25 * 12.5);
        assertThat(explanation.score()).isCloseTo(byHand, within(1e-9));
        assertThat(explanation.scorecard().contributions()).extracting(Scorecard.Contribution::metric)
                .containsExactly("spend_12m", "average_order_value", "industry_growth", "order_growth_rate", "new_needs_12m",
                        "purchase_probability", "repurchase_rate", "referral_rate", "complaint_rate");
        assertThat(explanation.scorecard().contributions().get(8).normalised()).isCloseTo(12.5, within(1e-9));
        assertThat(explanation.gradedTier()).isEqualTo("KEY");
        assertThat(explanation.reason()).isEqualTo(Reason.GRADED);
        assertThat(explanation.grading()).isEqualTo(new GradingReason.Threshold(explanation.score(), 70.0, 90.0, null));
        assertThat(explanation.decision()).isEqualTo(new DecisionReason.Graded());
    }

    @Test
    void aSupervisorOtherThanTheStarterApprovesAndPublishingMovesTheTierAndTellsOtherModules() {
        Customer customer = steadyBuyer();
        AssessmentRun run = assessAll("analyst");
        assertThat(run.status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
        assertThat(customerTiers.current(customer.id())).as("not before publishing").isEmpty();

        assertThatThrownBy(() -> decisions.approve(run.id(), "analyst", "looks right"))
                .isInstanceOf(Conflict.class).hasMessageContaining("another supervisor");
        approvals.approve(run.id().value(), "supervisor", "looks right");
        AssessmentRun published = decisions.publish(run.id());

        assertThat(published.status()).as(String.valueOf(published.error())).isEqualTo(RunStatus.PUBLISHED);
        assertThat(customerTiers.current(customer.id())).hasValueSatisfying(current -> {
            assertThat(current.tier()).isEqualTo("KEY");
            assertThat(current.assessedBy()).isEqualTo(run.id());
        });
        assertThat(customerTiers.timeline(customer.id())).singleElement().satisfies(change -> {
            assertThat(change.tier()).isEqualTo("KEY");
            assertThat(change.previousTier()).isNull();
            assertThat(change.run()).isEqualTo(run.id());
        });
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT serialized_event) FROM event_publication WHERE event_type = :type "
                        + "AND serialized_event LIKE :run").param("type", TiersPublished.class.getName())
                .param("run", "%\"run\":" + run.id() + ",%").query(Long.class).single())
                .as("one event for the run, kept for every listener").isEqualTo(1);
        assertThat(customerTiers.changesOf(run.id(), CustomerId.of(customer.id().value() - 1), 1))
                .as("the changes the event stands for, from the customer on")
                .containsExactly(new TierChanged(customer.id(), null, "KEY", published.publishedAt(), TierChange.Source.RUN,
                        run.id(), null, "looks right"));
        assertThat(decisions.publish(run.id()).publishedAt()).as("publishing again changes nothing")
                .isEqualTo(published.publishedAt());
    }

    @Test
    void aRejectedRunChangesNoTier() {
        Customer customer = steadyBuyer();
        AssessmentRun run = assessAll("analyst");

        AssessmentRun rejected = decisions.reject(run.id(), "supervisor", "wrong model");

        assertThat(rejected.status()).isEqualTo(RunStatus.REJECTED);
        assertThat(rejected.decisionNote()).isEqualTo("wrong model");
        assertThat(customerTiers.current(customer.id())).isEmpty();
        assertThatThrownBy(() -> decisions.approve(run.id(), "supervisor", null)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> decisions.publish(run.id())).isInstanceOf(Conflict.class);

        assertThat(runStore.removeResultsOfRunsDroppedBefore(java.time.Instant.now().minusSeconds(3600)))
                .as("kept for a while").isZero();
        assertThat(runStore.removeResultsOfRunsDroppedBefore(java.time.Instant.now().plusSeconds(60))).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_result_chunk WHERE run_id = :run")
                .param("run", run.id().value()).query(Long.class).single()).isZero();
        assertThat(assessments.get(run.id()).summary()).as("the summary stays").isNotNull();
    }

    @Test
    void aRunOlderThanTheLastPublishedOneIsRefused() {
        AssessmentRun older = assessments.run(new AssessmentRequest(today.minusDays(1), null, null, null),
                TriggerKind.MANUAL, null, "analyst");
        publish(assessAll("analyst"));

        assertThatThrownBy(() -> decisions.approve(older.id(), "supervisor", null))
                .isInstanceOf(Conflict.class).hasMessageContaining("older than run");
    }

    @Test
    void aRunDecidedAgainstTiersPublishedSinceIsRefused() {
        steadyBuyer();
        AssessmentRun first = assessAll("analyst");
        AssessmentRun second = assessAll("analyst");
        publish(first);

        assertThatThrownBy(() -> decisions.approve(second.id(), "supervisor", null))
                .isInstanceOf(Conflict.class).hasMessageContaining("assess them again");
    }

    @Test
    void aSegmentRunScoresEverybodyButChangesOnlyTheSegment() {
        Customer inside = steadyBuyer();
        Customer outside = steadyBuyer();

        AssessmentRun run = assessments.run(new AssessmentRequest(today, null, null, Segment.ofCodes(List.of(inside.code()))),
                TriggerKind.MANUAL, "one customer", "analyst");
        publish(run);

        assertThat(run.assessed()).isEqualTo(1);
        assertThat(run.population()).isEqualTo((int) customers.count());
        assertThat(customerTiers.current(inside.id())).isPresent();
        assertThat(customerTiers.current(outside.id())).isEmpty();
    }

    @Test
    void theSameDataModelAndDateGiveTheSameRun() {
        steadyBuyer();
        AssessmentRun first = assessAll("analyst");
        AssessmentRun second = assessAll("analyst");

        assertThat(resultsOf(second)).isEqualTo(resultsOf(first));
        assertThat(second.purchaseModel()).isEqualTo(first.purchaseModel());
    }

    @Test
    void aSmallDropWaitsForASecondRunAndNoPaidOrderForNinetyDaysMeansWatch() {
        Customer customer = steadyBuyer();
        Customer lapsed = customer(b -> b);
        order(lapsed, today.minusDays(120), "9000.00");
        publish(assessAll("analyst"));
        double score = customerTiers.current(customer.id()).orElseThrow().score();
        ModelVersion stricter = models.create(withKeyThreshold(ModelPresets.valuePotentialLoyalty(), score + 1), null, "analyst");

        AssessmentRun firstBelow = assessments.run(new AssessmentRequest(today, stricter.modelId(), null, null),
                TriggerKind.MANUAL, null, "analyst");
        publish(firstBelow);
        AssessmentRun secondBelow = assessments.run(new AssessmentRequest(today, stricter.modelId(), null, null),
                TriggerKind.MANUAL, null, "analyst");

        assertThat(results.explain(firstBelow.id(), customer.id())).satisfies(first -> {
            assertThat(first.gradedTier()).isEqualTo("REGULAR");
            assertThat(first.tier()).isEqualTo("KEY");
            assertThat(first.reason()).isEqualTo(Reason.HELD);
            assertThat(first.downgradePending()).isTrue();
            assertThat(first.grading()).isEqualTo(new GradingReason.Threshold(first.score(), 10.0, score + 1, null));
            assertThat(first.decision()).isEqualTo(new DecisionReason.Held(first.score(), score + 1, 2));
        });
        assertThat(results.explain(secondBelow.id(), customer.id())).satisfies(second -> {
            assertThat(second.tier()).isEqualTo("REGULAR");
            assertThat(second.reason()).isEqualTo(Reason.DOWNGRADED_TWICE);
            assertThat(second.decision()).isEqualTo(new DecisionReason.DowngradedTwice(second.score(), score + 1));
        });
        assertThat(results.explain(firstBelow.id(), lapsed.id())).satisfies(churned -> {
            assertThat(churned.tier()).isEqualTo("WATCH");
            assertThat(churned.reason()).isEqualTo(Reason.CHURN);
            assertThat(churned.decision()).isEqualTo(new DecisionReason.Churn(120L, 90));
        });
    }

    @Test
    void theRfmScorecardGradesTheWorkedExampleByScoreAsOfADate() {
        LocalDate asOf = month.minusMonths(1).atDay(20);
        YearMonth of = YearMonth.from(asOf);
        Customer a = customerIn("rfm-high", asOf.getYear(), "15.00");
        for (int m = 10; m >= 2; m--) {
            order(a, of.minusMonths(m).atDay(10), "70000.00");
        }
        order(a, of.minusMonths(5).atDay(15), "50000.00");
        order(a, of.minusMonths(4).atDay(15), "50000.00");
        order(a, asOf.minusDays(30), "70000.00");
        Customer b = customerIn("rfm-medium", asOf.getYear(), "8.00");
        for (int m = 7; m >= 3; m--) {
            order(b, of.minusMonths(m).atDay(10), "50000.00");
        }
        order(b, asOf.minusDays(60), "50000.00");
        Customer c = customerIn("rfm-shrinking", asOf.getYear(), "-3.00");
        order(c, of.minusMonths(8).atDay(10), "40000.00");
        order(c, asOf.minusDays(120), "40000.00");
        long rfm = models.list().stream().filter(m -> m.name().equals(ModelPresets.RFM)).findFirst().orElseThrow().modelId();

        AssessmentRun run = assessments.run(new AssessmentRequest(asOf, rfm, null,
                Segment.ofCodes(List.of(a.code(), b.code(), c.code()))), TriggerKind.MANUAL, null, "analyst");

        TierExplanation high = results.explain(run.id(), a.id());
        TierExplanation medium = results.explain(run.id(), b.id());
        TierExplanation shrinking = results.explain(run.id(), c.id());
        assertThat(high.metrics()).containsEntry("recency_days", 30.0).containsEntry("order_count_12m", 12.0)
                .containsEntry("spend_12m", 800_000.0).containsEntry("industry_growth", 15.0);
        assertThat(high.score()).isCloseTo(92, within(3.0));
        assertThat(medium.score()).isCloseTo(75, within(3.0));
        assertThat(shrinking.score()).isCloseTo(45, within(3.0));
        assertThat(List.of(high, medium, shrinking)).extracting(TierExplanation::gradedTier)
                .containsExactly("VIP", "KEY", "WATCH");
        assertThat(List.of(high, medium, shrinking)).extracting(TierExplanation::grading)
                .allMatch(GradingReason.Threshold.class::isInstance);
        assertThat(shrinking.decision()).isEqualTo(new DecisionReason.Churn(120L, 90));
        assertThat(high.score()).isCloseTo(ModelPresets.rfmScorecard().score(high.metrics(), Map.of()).score(), within(1e-9));
    }

    @Test
    void underQuotasAnExplanationNamesTheRankOverTheWholePopulation() {
        Customer customer = steadyBuyer();
        ScoringModel rfm = ModelPresets.rfmScorecard();
        TierPolicy policy = rfm.tierPolicy();
        ModelVersion quotas = models.create(new ScoringModel(Label.of("quotas " + UUID.randomUUID()), null, rfm.dimensions(), null,
                new TierPolicy(policy.tiers(), TierPolicy.Grading.QUOTAS, 1, policy.churnDays(), 2)), null, "analyst");

        AssessmentRun run = assessments.run(new AssessmentRequest(today, quotas.modelId(), null,
                Segment.ofCodes(List.of(customer.code()))), TriggerKind.MANUAL, null, "analyst");

        TierExplanation explanation = results.explain(run.id(), customer.id());
        assertThat(explanation.grading()).isInstanceOfSatisfying(GradingReason.Quota.class, quota -> {
            assertThat(quota.population()).isEqualTo(run.population().longValue()).isGreaterThan(1);
            assertThat(quota.rank()).isBetween(1L, quota.population());
            assertThat(quota.toPercent() - quota.fromPercent())
                    .isEqualTo(policy.tiers().get(policy.indexOf(explanation.gradedTier())).quotaPercent());
        });
    }

    @Test
    void refusesBadRunParametersWithTheirFields() {
        assertThatThrownBy(() -> assessments.run(new AssessmentRequest(today.plusDays(1), 987_654L, null,
                Segment.ofTiers(List.of("GOLD"))), TriggerKind.MANUAL, null, "analyst"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("asOf", "segment.tiers[0]", "modelId"));
        assertThatThrownBy(() -> assessments.run(new AssessmentRequest(today, null, null,
                Segment.ofCodes(List.of("NO-SUCH-CUSTOMER"))), TriggerKind.MANUAL, null, "analyst"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("segment.codes"));
    }

    @Test
    void theDiffCountsMovesAgainstThePublishedTiers() {
        steadyBuyer();
        AssessmentRun first = assessAll("analyst");
        publish(first);
        AssessmentRun second = assessAll("analyst");

        RunSummary summary = second.summary();
        assertThat(summary.newCustomers()).isZero();
        assertThat(summary.upgrades() + summary.downgrades() + summary.unchanged()).isEqualTo(second.assessed().longValue());
        long[][] matrix = summary.matrix();
        long diagonal = 0;
        for (int t = 0; t < summary.tiers().size(); t++) {
            diagonal += matrix[t][t];
        }
        assertThat(diagonal).isEqualTo(summary.unchanged());
        assertThat(summary.distribution().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(second.assessed().longValue());
        assertThat(results.countResults(second.id(), ResultFilter.CHANGED, null))
                .isEqualTo(summary.upgrades() + summary.downgrades());
    }

    private Map<Long, String> resultsOf(AssessmentRun run) {
        Map<Long, String> byCustomer = new java.util.HashMap<>();
        for (int offset = 0; ; offset += 500) {
            List<AssessmentResult> page = results.results(run.id(), ResultFilter.ALL, null, offset, 500);
            page.forEach(result -> byCustomer.put(result.customer().id().value(),
                    result.score() + "/" + result.tier() + "/" + result.reason()));
            if (page.size() < 500) {
                return byCustomer;
            }
        }
    }

    private static ScoringModel withKeyThreshold(ScoringModel model, double keyMinimum) {
        List<TierPolicy.TierRule> tiers = List.of(new TierPolicy.TierRule("VIP", 99.5, 10),
                new TierPolicy.TierRule("KEY", keyMinimum, 20), new TierPolicy.TierRule("REGULAR", 10, 50),
                new TierPolicy.TierRule("WATCH", 0, 20));
        TierPolicy policy = model.tierPolicy();
        return new ScoringModel(Label.of("stricter " + UUID.randomUUID()), null, model.dimensions(), null,
                new TierPolicy(tiers, policy.grading(), policy.minimumPopulationForQuotas(), policy.churnDays(), 2));
    }

    private AssessmentRun assessAll(String startedBy) {
        return assessments.run(new AssessmentRequest(today, null, null, null), TriggerKind.MANUAL, null, startedBy);
    }

    /**
     * Approves and publishes the run in this thread; approving through {@link RunDecisions} would also queue its
     * publication, which a scheduler of another test's application may run at the same moment.
     */
    private void publish(AssessmentRun run) {
        approvals.approve(run.id().value(), "supervisor", null);
        decisions.publish(run.id());
    }

    /** Buyers of every habit, so that the purchase-probability model has a population to be fitted to. */
    private void enoughBuyersToFitPurchaseProbability() {
        for (int i = 0; i < 30; i++) {
            Customer buyer = customer(b -> b);
            for (int k = 0; k <= i % 6; k++) {
                order(buyer, today.minusDays(20 + 37L * k + 11L * i), "120.00");
            }
        }
    }

    /**
     * 10,000 CNY in four orders of the twelve months before this month, two in each half; a complaint, a referral
     * and two inquiries; an industry growing 12% this year.
     */
    private Customer steadyBuyer() {
        Customer customer = customer(b -> b);
        order(customer, month.minusMonths(11).atDay(10), "3000.00");
        order(customer, month.minusMonths(8).atDay(10), "2000.00");
        order(customer, month.minusMonths(5).atDay(10), "4000.00");
        order(customer, month.minusMonths(2).atDay(10), "1000.00");
        interaction(customer, InteractionKind.COMPLAINT, month.minusMonths(10).atDay(3));
        interaction(customer, InteractionKind.REFERRAL, month.minusMonths(9).atDay(3));
        interaction(customer, InteractionKind.INQUIRY, month.minusMonths(7).atDay(3));
        interaction(customer, InteractionKind.INQUIRY, month.minusMonths(4).atDay(3));
        return customer;
    }

    /** A customer of an industry of its own, which grew by the given percent in the year. */
    private Customer customerIn(String industryName, int year, String growthPercent) {
        String own = industryName + "-" + UUID.randomUUID().toString().substring(0, 8);
        industryGrowth.put(own, year, new BigDecimal(growthPercent), "test figures", "analyst");
        String code = "AT-" + UUID.randomUUID().toString().substring(0, 12);
        return customers.create(new CustomerDraft(code, "测试客户 " + code, CustomerKind.COMPANY, own, null, null,
                null, null, null, today.minusYears(3), null, null, Consent.NONE, List.of()));
    }

    private Customer customer(java.util.function.UnaryOperator<String> unused) {
        return customers.create(aCustomer().name("测试客户").kind(CustomerKind.COMPANY).industry(industry)
                .registeredOn(today.minusYears(3)).build());
    }

    private void order(Customer customer, LocalDate day, String amount) {
        orders.upsert(anOrder(customer.code()).amount(amount).status(OrderStatus.DELIVERED)
                .paidMinutesAfter(day.atTime(9, 50).atZone(SHANGHAI).toInstant(), 10).build());
    }

    private void interaction(Customer customer, InteractionKind kind, LocalDate day) {
        interactions.upsert(anInteraction(customer.code(), kind, day.atTime(9, 0).atZone(SHANGHAI).toInstant()));
    }
}
