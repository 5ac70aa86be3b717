package com.tierdesk.tiering;

import com.tierdesk.customer.ActivityFigures;
import com.tierdesk.customer.ActivityWindow;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.CustomerRef;
import com.tierdesk.customer.Customers;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.task.TaskDraft;
import com.tierdesk.task.TaskKind;
import com.tierdesk.task.Tasks;
import com.tierdesk.tiering.TriggerRecord.Kind;
import com.tierdesk.tiering.internal.TieringSettings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily checks of SPEC §2, each recorded with its reason and happening once however many instances run it:
 * <ul>
 * <li>cadence: VIP customers are reassessed every {@code vipCadence} (3 months), everybody every {@code cadence}
 * (6 months), counted from the latest published run that covered them;</li>
 * <li>spend drop: a customer whose spend in each of the two latest complete months is at most half the average
 * month of the 12 before them is reassessed at once (one run for all such customers of the day);</li>
 * <li>churn warning: a customer whose last paid order is more than the churn limit (90 days) ago gets a task for
 * their owner, once per lapse, while the lapse is fresh (within 30 days of crossing the limit).</li>
 * </ul>
 * Their runs wait for approval like any other, unless the settings publish spend-drop runs at once.
 */
@Service
public class TieringTriggers {

    static final int FRESH_LAPSE_DAYS = 30;
    private static final String CHECKER = "system";

    private final JdbcClient jdbc;
    private final Assessments assessments;
    private final ScoringModels models;
    private final CustomerActivity activity;
    private final Customers customers;
    private final Tasks tasks;
    private final TieringSettings settings;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate transaction;

    TieringTriggers(JdbcClient jdbc, Assessments assessments, ScoringModels models, CustomerActivity activity,
            Customers customers, Tasks tasks, TieringSettings settings, Clock clock,
            @Value("${tierdesk.zone:Asia/Shanghai}") ZoneId zone, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.assessments = assessments;
        this.models = models;
        this.activity = activity;
        this.customers = customers;
        this.tasks = tasks;
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What one check did. */
    public record CheckOutcome(List<AssessmentRun> cadenceRuns, Optional<AssessmentRun> spendDropRun, int spendDrops,
            int churnWarnings) {
    }

    /** Runs every check for today. */
    public CheckOutcome check() {
        LocalDate today = activity.today();
        List<AssessmentRun> cadence = new ArrayList<>();
        dueCadence(today, List.of("VIP"), settings.vipCadence()).ifPresent(cadence::add);
        dueCadence(today, List.of(), settings.cadence()).ifPresent(cadence::add);
        List<ActivityFigures> dropping = new ArrayList<>();
        List<ActivityFigures> lapsing = new ArrayList<>();
        int churnDays = models.active().definition().tierPolicy().churnDays();
        ActivityWindow window = activity.window(today);
        activity.forEach(today, figures -> {
            if (spendDropped(figures)) {
                dropping.add(figures);
            }
            if (freshlyLapsed(figures, today, churnDays)) {
                lapsing.add(figures);
            }
        });
        Optional<AssessmentRun> spendDropRun = spendDrops(today, window, dropping);
        int warnings = churnWarnings(today, churnDays, lapsing);
        return new CheckOutcome(cadence, spendDropRun, dropping.size(), warnings);
    }

    public List<TriggerRecord> recent(int limit) {
        return jdbc.sql("SELECT id, kind, customer_id, reason, occurred_at, run_id, task_id FROM tiering_trigger "
                        + "ORDER BY occurred_at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
                .param("limit", limit).query(TieringTriggers::map).list();
    }

    public List<TriggerRecord> ofCustomer(CustomerId customer) {
        return jdbc.sql("SELECT id, kind, customer_id, reason, occurred_at, run_id, task_id FROM tiering_trigger "
                        + "WHERE customer_id = :customer ORDER BY occurred_at DESC, id DESC")
                .param("customer", customer.value()).query(TieringTriggers::map).list();
    }

    /**
     * Starts a cadence run for the tiers (everybody when empty) if the latest published run covering them is older
     * than the interval, or there is none, and no run for them is under way.
     */
    private Optional<AssessmentRun> dueCadence(LocalDate today, List<String> tiers, Period interval) {
        Optional<AssessmentRun> last = lastCovering(tiers);
        if (last.isPresent() && last.get().asOf().plus(interval).isAfter(today)) {
            return Optional.empty();
        }
        String group = tiers.isEmpty() ? "all customers" : "tiers " + String.join(", ", tiers);
        String key = "CADENCE:" + (tiers.isEmpty() ? "ALL" : String.join("+", tiers)) + ":"
                + last.map(run -> run.id().toString()).orElse("none");
        String reason = group + " are reassessed every " + interval + "; " + last.map(run -> "the latest published run "
                + "covering them (" + run.id() + ") is as of " + run.asOf()).orElse("no published run has covered them yet");
        return transaction.execute(status -> {
            Long trigger = record(Kind.CADENCE, key, null, reason);
            if (trigger == null) {
                return Optional.<AssessmentRun>empty();
            }
            AssessmentRun run = assessments.start(new AssessmentRequest(today, null, null,
                    tiers.isEmpty() ? Segment.everybody() : Segment.ofTiers(tiers)), TriggerKind.CADENCE, reason, CHECKER);
            linkRun(trigger, run.id());
            return Optional.of(run);
        });
    }

    private Optional<AssessmentRun> lastCovering(List<String> tiers) {
        return assessments.list(List.of(RunStatus.PUBLISHED), Assessments.MAX_PAGE).stream()
                .filter(run -> run.segment().everybodyIncluded()
                        || !tiers.isEmpty() && run.segment().selection().selectsEverybody()
                        && run.segment().tiers().containsAll(tiers))
                .max(java.util.Comparator.comparing(AssessmentRun::asOf));
    }

    /** Spend in each of the two latest complete months at most the share of the average month of the 12 before. */
    boolean spendDropped(ActivityFigures figures) {
        if (figures.spendBaselineCents() <= 0) {
            return false;
        }
        double limit = settings.spendDropShare() * figures.spendBaselineCents() / 12.0;
        return figures.spendLastMonthCents() <= limit && figures.spendMonthBeforeCents() <= limit;
    }

    private boolean freshlyLapsed(ActivityFigures figures, LocalDate today, int churnDays) {
        if (figures.lastPaidAt() == null) {
            return false;
        }
        long days = ChronoUnit.DAYS.between(figures.lastPaidAt().atZone(zone).toLocalDate(), today);
        return days > churnDays && days <= churnDays + FRESH_LAPSE_DAYS;
    }

    private Optional<AssessmentRun> spendDrops(LocalDate today, ActivityWindow window, List<ActivityFigures> dropping) {
        YearMonth last = window.lastMonth();
        return transaction.execute(status -> {
            List<Long> triggers = new ArrayList<>();
            List<CustomerId> triggered = new ArrayList<>();
            for (ActivityFigures figures : dropping) {
                String reason = "spend of %s in %s and %s in %s is at most %s%% of the monthly average %s of %s to %s".formatted(
                        cny(figures.spendLastMonthCents()), last, cny(figures.spendMonthBeforeCents()), last.minusMonths(1),
                        BigDecimal.valueOf(settings.spendDropShare() * 100).stripTrailingZeros().toPlainString(),
                        cny(figures.spendBaselineCents() / 12), last.minusMonths(13), last.minusMonths(2));
                Long trigger = record(Kind.SPEND_DROP, "SPEND_DROP:" + figures.customerId().value() + ":" + last,
                        figures.customerId(), reason);
                if (trigger != null) {
                    triggers.add(trigger);
                    triggered.add(figures.customerId());
                }
            }
            if (triggered.isEmpty()) {
                return Optional.<AssessmentRun>empty();
            }
            AssessmentRun run = assessments.start(new AssessmentRequest(today, null, null, Segment.triggeredCustomers()),
                    TriggerKind.SPEND_DROP, triggered.size() + " customers' spend dropped in " + last.minusMonths(1)
                            + " and " + last, CHECKER);
            triggers.forEach(trigger -> linkRun(trigger, run.id()));
            return Optional.of(run);
        });
    }

    private int churnWarnings(LocalDate today, int churnDays, List<ActivityFigures> lapsing) {
        Map<CustomerId, CustomerRef> refs = customers.refs(lapsing.stream().map(ActivityFigures::customerId).toList());
        int created = 0;
        for (ActivityFigures figures : lapsing) {
            LocalDate lastPaid = figures.lastPaidAt().atZone(zone).toLocalDate();
            String key = "CHURN_WARNING:" + figures.customerId().value() + ":" + lastPaid;
            CustomerRef customer = refs.get(figures.customerId());
            String reason = "no paid order since %s (%d days, more than %d)".formatted(lastPaid,
                    ChronoUnit.DAYS.between(lastPaid, today), churnDays);
            Boolean made = transaction.execute(status -> {
                Long trigger = record(Kind.CHURN_WARNING, key, figures.customerId(), reason);
                if (trigger == null) {
                    return false;
                }
                tasks.create(new TaskDraft(TaskKind.CHURN_WARNING, figures.customerId(),
                        "流失预警 Churn warning: " + (customer == null ? figures.customerId() : customer.code() + " " + customer.name()),
                        reason, customer == null ? null : customer.owner(), today.plusDays(settings.churnWarningDueDays()), key))
                        .ifPresent(task -> jdbc.sql("UPDATE tiering_trigger SET task_id = :task WHERE id = :id")
                                .param("task", task.id()).param("id", trigger).update());
                return true;
            });
            created += Boolean.TRUE.equals(made) ? 1 : 0;
        }
        return created;
    }

    /** Records the trigger unless its occurrence was recorded before; @return its id, or null when it was */
    private Long record(Kind kind, String occurrenceKey, CustomerId customer, String reason) {
        boolean seen = jdbc.sql("SELECT COUNT(*) FROM tiering_trigger WHERE occurrence_key = :key").param("key", occurrenceKey)
                .query(Long.class).single() > 0;
        if (seen) {
            return null;
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO tiering_trigger (kind, occurrence_key, customer_id, reason, occurred_at)
                    VALUES (:kind, :key, :customer, :reason, :now)
                    """).param("kind", kind.name()).param("key", occurrenceKey)
                    .param("customer", customer == null ? null : customer.value())
                    .param("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                    .param("now", JdbcTimestamps.toColumn(clock.instant())).update(keys, "id");
        } catch (DuplicateKeyException recordedConcurrently) {
            return null;
        }
        return keys.getKeyAs(Number.class).longValue();
    }

    private void linkRun(long trigger, RunId run) {
        jdbc.sql("UPDATE tiering_trigger SET run_id = :run WHERE id = :id").param("run", run.value()).param("id", trigger).update();
    }

    private static String cny(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private static TriggerRecord map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long customer = rs.getLong("customer_id");
        CustomerId customerId = rs.wasNull() ? null : CustomerId.of(customer);
        long run = rs.getLong("run_id");
        RunId runId = rs.wasNull() ? null : RunId.of(run);
        long task = rs.getLong("task_id");
        Long taskId = rs.wasNull() ? null : task;
        Instant at = JdbcTimestamps.read(rs, "occurred_at");
        return new TriggerRecord(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), customerId, rs.getString("reason"),
                at, runId, taskId);
    }
}
