package com.tierdesk.tiering;

import com.tierdesk.customer.ActivityFigures;
import com.tierdesk.customer.ActivityWindow;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.CustomerRef;
import com.tierdesk.customer.Customers;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.task.TaskDraft;
import com.tierdesk.task.TaskKind;
import com.tierdesk.task.TaskReason;
import com.tierdesk.task.Tasks;
import com.tierdesk.tiering.TriggerRecord.Kind;
import com.tierdesk.tiering.TriggerReason.Cadence;
import com.tierdesk.tiering.TriggerReason.ChurnWarning;
import com.tierdesk.tiering.TriggerReason.SpendDrop;
import com.tierdesk.tiering.internal.TieringSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily checks (docs/tiering.md, "Cadence and triggers"), each recording what it found once per occurrence,
 * however often and on however many instances it runs:
 * <ul>
 * <li>cadence: the top tier of the ladder and everybody are reassessed on fixed dates; a date's run that was
 * rejected or failed is tried again every few days until one is published or the next date comes;</li>
 * <li>spend drop: a steady buyer whose spend in each of the two latest complete months is at most half the average
 * month of the 12 before them is reassessed at once (one run for the day's drops);</li>
 * <li>churn warning: a customer without a paid order for the churn limit (90 days) gets a task for their owner, or
 * for the supervisors' pool, once per lapse; lapses older than the daily check are caught up a few hundred a day.</li>
 * </ul>
 * Their runs wait for approval like any other (a setting publishes a one-customer trigger run at once).
 */
@Service
public class TieringTriggers {

    /** Who the scheduled daily check runs as. */
    public static final String SYSTEM = "system";
    private static final int KEYS_PER_STATEMENT = 1_000;
    private static final String COLUMNS = "id, kind, customer_id, reason, figures, occurred_at, run_id, task_id, checked_by";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final Assessments assessments;
    private final ScoringModels models;
    private final TierCatalog tiers;
    private final CustomerActivity activity;
    private final Customers customers;
    private final Tasks tasks;
    private final TieringSettings settings;
    private final BusinessTime time;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    TieringTriggers(JdbcClient jdbc, NamedParameterJdbcTemplate batches, Assessments assessments, ScoringModels models,
            TierCatalog tiers, CustomerActivity activity, Customers customers, Tasks tasks, TieringSettings settings,
            BusinessTime time, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.assessments = assessments;
        this.models = models;
        this.tiers = tiers;
        this.activity = activity;
        this.customers = customers;
        this.tasks = tasks;
        this.settings = settings;
        this.time = time;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A cadence run the check started: for whom, for which date, the how-manieth try. */
    public record CadenceStart(CadenceGroup group, String tier, LocalDate dueOn, int attempt, RunId run) {
    }

    /**
     * What one check found and did on its day: the cadence runs it started, the spend drops it recorded and the run
     * that reassesses them, the churn warnings for lapses that reached the limit today and those that caught up older
     * lapses, and the older lapses still waiting because the day's catch-up allowance is used up.
     */
    public record CheckOutcome(LocalDate day, List<CadenceStart> cadenceRuns, int spendDrops, RunId spendDropRun,
            int churnWarnings, int catchUpWarnings, int catchUpWaiting) {
    }

    /** When the checks last ran, and for whom. */
    public record LastCheck(Instant at, String by) {
    }

    /** Runs every check for today as {@code by} (who starts the runs, {@link #SYSTEM} for the daily check). */
    public CheckOutcome check(String by) {
        LocalDate today = time.today();
        int churnDays = models.active().definition().tierPolicy().churnDays();
        ActivityWindow window = activity.window(today);
        List<ActivityFigures> dropping = new ArrayList<>();
        List<Lapse> lapses = new ArrayList<>();
        activity.forEach(today, figures -> {
            if (spendDropped(figures)) {
                dropping.add(figures);
            }
            if (figures.lastPaidAt() != null) {
                long days = ChronoUnit.DAYS.between(time.dateOf(figures.lastPaidAt()), today);
                if (days >= churnDays) {
                    lapses.add(new Lapse(figures.customerId().value(), figures.lastPaidAt(), days));
                }
            }
        });
        // after reading the figures: the runs started now find the day's snapshot brought up to date
        List<CadenceStart> cadence = cadence(today, by);
        SpendDrops drops = spendDrops(today, window, dropping, by);
        ChurnOutcome churn = churnWarnings(today, churnDays, lapses, by);
        jdbc.sql("UPDATE tiering_checks SET last_checked_at = :now, last_checked_by = :by WHERE id = 1")
                .param("now", JdbcTimestamps.toColumn(time.now())).param("by", by).update();
        return new CheckOutcome(today, cadence, drops.recorded(), drops.run(), churn.onTime(), churn.catchUp(), churn.waiting());
    }

    public Optional<LastCheck> lastCheck() {
        return jdbc.sql("SELECT last_checked_at, last_checked_by FROM tiering_checks WHERE id = 1 AND last_checked_at IS NOT NULL")
                .query((rs, row) -> new LastCheck(JdbcTimestamps.read(rs, "last_checked_at"), rs.getString("last_checked_by")))
                .optional();
    }

    public List<TriggerRecord> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tiering_trigger ORDER BY occurred_at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
                .param("limit", limit).query(this::map).list();
    }

    public List<TriggerRecord> ofCustomer(CustomerId customer) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tiering_trigger WHERE customer_id = :customer ORDER BY occurred_at DESC, id DESC")
                .param("customer", customer.value()).query(this::map).list();
    }

    /**
     * Starts the cadence runs due today: for each group (everybody first, whose run covers the top tier too), when its
     * latest date has passed and no run covering it as of that date or later is published or on its way, the date's
     * first run, or another try when the last one was rejected or failed at least the retry interval ago.
     */
    private List<CadenceStart> cadence(LocalDate today, String by) {
        return transaction.execute(status -> {
            lockChecks();
            String top = tiers.codes().get(0);
            List<AssessmentRun> runs = new ArrayList<>(assessments.list(List.of(), Assessments.MAX_PAGE));
            List<CadenceStart> started = new ArrayList<>();
            for (CadenceGroup group : List.of(CadenceGroup.EVERYBODY, CadenceGroup.TOP_TIER)) {
                cadenceRun(group, top, runs, today, by).ifPresent(start -> {
                    runs.add(0, assessments.get(start.run()));
                    started.add(start);
                });
            }
            return started;
        });
    }

    private Optional<CadenceStart> cadenceRun(CadenceGroup group, String top, List<AssessmentRun> runs, LocalDate today, String by) {
        TieringSettings.Cadence cadence = settings.cadence();
        Optional<LocalDate> due = cadence.lastDate(group, today);
        if (due.isEmpty() || runs.stream().anyMatch(run -> covers(run, group, top) && !run.asOf().isBefore(due.get())
                && !run.asOf().isAfter(today) && publishedOrOnItsWay(run.status()))) {
            return Optional.empty();
        }
        List<TriggerRecord> attempts = cadenceAttempts(group, due.get());
        TriggerRecord previous = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        if (previous != null && time.dateOf(previous.occurredAt()).plusDays(cadence.retryAfterDays()).isAfter(today)) {
            return Optional.empty();
        }
        RunStatus previousStatus = previous == null || previous.run() == null ? null : assessments.get(previous.run()).status();
        int attempt = attempts.size() + 1;
        Cadence reason = new Cadence(group, group == CadenceGroup.TOP_TIER ? top : null, cadence.day(), cadence.months(group),
                due.get(), attempt, previous == null ? null : previous.run(), previousStatus, cadence.retryAfterDays());
        List<String> recorded = record(Kind.CADENCE, List.of(new Pending(cadenceKey(group, due.get()) + attempt, null, reason)), by);
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        Segment segment = group == CadenceGroup.EVERYBODY ? Segment.everybody() : Segment.ofTiers(List.of(top));
        AssessmentRun run = assessments.start(new AssessmentRequest(today, null, null, segment), TriggerKind.CADENCE, null, by);
        link("run_id", run.id().value(), recorded);
        return Optional.of(new CadenceStart(group, reason.tier(), due.get(), attempt, run.id()));
    }

    /**
     * Holds the checks' row until the caller's transaction ends: a check running at the same time on another instance
     * waits, then sees what this one recorded (the runs it started, the day's catch-up allowance it used).
     */
    private void lockChecks() {
        jdbc.sql("SELECT id FROM tiering_checks WHERE id = 1 FOR UPDATE").query(Integer.class).single();
    }

    private static String cadenceKey(CadenceGroup group, LocalDate due) {
        return "CADENCE:" + group + ":" + due + ":";
    }

    private static boolean covers(AssessmentRun run, CadenceGroup group, String top) {
        Segment segment = run.segment();
        return segment.everybodyIncluded() || group == CadenceGroup.TOP_TIER && !segment.triggered()
                && segment.selection().selectsEverybody() && segment.tiers().contains(top);
    }

    private static boolean publishedOrOnItsWay(RunStatus status) {
        return status != RunStatus.REJECTED && status != RunStatus.FAILED;
    }

    /** The runs started for the group's date so far, the first attempt first. */
    private List<TriggerRecord> cadenceAttempts(CadenceGroup group, LocalDate due) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tiering_trigger WHERE kind = 'CADENCE' AND occurrence_key LIKE :prefix ORDER BY id")
                .param("prefix", cadenceKey(group, due) + "%").query(this::map).list();
    }

    /**
     * A steady buyer whose spend in each of the two latest complete months is at most the share of the average month of
     * the 12 before them. Irregular buyers (orders in fewer of those months than the setting) are left out: their empty
     * months are no drop.
     */
    private boolean spendDropped(ActivityFigures figures) {
        if (figures.spendBaselineCents() <= 0 || figures.baselineActiveMonths() < settings.spendDropSteadyMonths()) {
            return false;
        }
        double limit = settings.spendDropShare() * figures.spendBaselineCents() / 12.0;
        return figures.spendLastMonthCents() <= limit && figures.spendMonthBeforeCents() <= limit;
    }

    /** The spend drops a check recorded, and the run that reassesses them (none when it recorded none). */
    private record SpendDrops(int recorded, RunId run) {
    }

    /** Records the day's new spend drops (once per customer and month) and starts one run for them. */
    private SpendDrops spendDrops(LocalDate today, ActivityWindow window, List<ActivityFigures> dropping, String by) {
        if (dropping.isEmpty()) {
            return new SpendDrops(0, null);
        }
        YearMonth last = window.lastMonth();
        BigDecimal share = percent(settings.spendDropShare());
        List<Pending> pending = dropping.stream().map(figures -> new Pending("SPEND_DROP:" + figures.customerId().value() + ":" + last,
                figures.customerId(), new SpendDrop(last, cny(figures.spendLastMonthCents()), cny(figures.spendMonthBeforeCents()),
                        cny(figures.spendBaselineCents()).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP), share,
                        last.minusMonths(13), last.minusMonths(2), figures.baselineActiveMonths()))).toList();
        return transaction.execute(status -> {
            lockChecks();
            List<String> recorded = record(Kind.SPEND_DROP, pending, by);
            if (recorded.isEmpty()) {
                return new SpendDrops(0, null);
            }
            AssessmentRun run = assessments.start(new AssessmentRequest(today, null, null, Segment.triggeredCustomers()),
                    TriggerKind.SPEND_DROP, null, by);
            link("run_id", run.id().value(), recorded);
            return new SpendDrops(recorded.size(), run.id());
        });
    }

    /** A customer whose last paid order was {@code days} days ago, at least the churn limit. */
    private record Lapse(long customerId, Instant lastPaidAt, long days) {
    }

    private record ChurnOutcome(int onTime, int catchUp, int waiting) {
    }

    /**
     * Warns of the lapses that have no warning yet: those that reached the limit today always, older ones (after
     * installing, or after days without checks) up to the day's allowance, the most recent lapse first, because those
     * customers are the likeliest to come back.
     */
    private ChurnOutcome churnWarnings(LocalDate today, int churnDays, List<Lapse> lapses, String by) {
        return transaction.execute(status -> {
            lockChecks();
            List<Lapse> unwarned = unwarned(lapses);
            List<Lapse> onTime = unwarned.stream().filter(lapse -> lapse.days() == churnDays).toList();
            List<Lapse> older = unwarned.stream().filter(lapse -> lapse.days() > churnDays)
                    .sorted(Comparator.comparing(Lapse::lastPaidAt).reversed().thenComparing(Lapse::customerId)).toList();
            long caughtUpToday = jdbc.sql("SELECT COUNT(*) FROM tiering_trigger WHERE kind = 'CHURN_WARNING' AND catch_up = TRUE "
                            + "AND occurred_at >= :from AND occurred_at < :to")
                    .param("from", JdbcTimestamps.toColumn(time.startOf(today)))
                    .param("to", JdbcTimestamps.toColumn(time.startOf(today.plusDays(1)))).query(Long.class).single();
            int allowance = (int) Math.max(0, settings.churnCatchUpPerDay() - caughtUpToday);
            List<Lapse> catchUp = older.subList(0, Math.min(allowance, older.size()));
            int onTimeWarned = warn(today, churnDays, onTime, false, by);
            int caughtUp = warn(today, churnDays, catchUp, true, by);
            return new ChurnOutcome(onTimeWarned, caughtUp, older.size() - catchUp.size());
        });
    }

    /** The lapses without a churn warning since their last paid order, in one pass over the warnings by customer. */
    private List<Lapse> unwarned(List<Lapse> lapses) {
        List<Lapse> byCustomer = lapses.stream().sorted(Comparator.comparingLong(Lapse::customerId)).toList();
        long[] ids = byCustomer.stream().mapToLong(Lapse::customerId).toArray();
        boolean[] warned = new boolean[ids.length];
        jdbc.sql("SELECT customer_id, MAX(occurred_at) AS warned_at FROM tiering_trigger WHERE kind = 'CHURN_WARNING' "
                + "GROUP BY customer_id").query(rs -> {
                    int at = Arrays.binarySearch(ids, rs.getLong("customer_id"));
                    if (at >= 0 && JdbcTimestamps.read(rs, "warned_at").isAfter(byCustomer.get(at).lastPaidAt())) {
                        warned[at] = true;
                    }
                });
        List<Lapse> unwarned = new ArrayList<>();
        for (int i = 0; i < warned.length; i++) {
            if (!warned[i]) {
                unwarned.add(byCustomer.get(i));
            }
        }
        return unwarned;
    }

    /** Records the warnings and gives each a task for the customer's owner, or for the pool when nobody owns them. */
    private int warn(LocalDate today, int churnDays, List<Lapse> lapses, boolean catchUp, String by) {
        if (lapses.isEmpty()) {
            return 0;
        }
        List<Pending> pending = lapses.stream().map(lapse -> {
            LocalDate lastPaid = time.dateOf(lapse.lastPaidAt());
            return new Pending("CHURN_WARNING:" + lapse.customerId() + ":" + lastPaid, CustomerId.of(lapse.customerId()),
                    new ChurnWarning(lastPaid, lapse.days(), churnDays, catchUp));
        }).toList();
        Set<String> recorded = Set.copyOf(record(Kind.CHURN_WARNING, pending, by));
        Map<CustomerId, CustomerRef> refs = customers.refs(pending.stream().map(Pending::customer).toList());
        List<TaskDraft> drafts = pending.stream().filter(p -> recorded.contains(p.key())).map(p -> {
            CustomerRef customer = refs.get(p.customer());
            String owner = customer == null || customer.owner() == null || customer.owner().isBlank() ? null : customer.owner();
            return new TaskDraft(TaskKind.CHURN_WARNING, p.customer(), null, null,
                    new TaskReason(p.reason().code(), Arrays.stream(p.reason().figures()).map(String::valueOf).toList()),
                    owner, today.plusDays(settings.churnWarningDueDays()), p.key());
        }).toList();
        Map<String, Long> created = tasks.createAll(drafts);
        batches.batchUpdate("UPDATE tiering_trigger SET task_id = :task WHERE occurrence_key = :key", created.entrySet().stream()
                .map(task -> new MapSqlParameterSource().addValue("task", task.getValue()).addValue("key", task.getKey()))
                .toArray(MapSqlParameterSource[]::new));
        return recorded.size();
    }

    /** A trigger to record: its occurrence key, the customer (none for cadence) and why. */
    private record Pending(String key, CustomerId customer, TriggerReason reason) {
    }

    /**
     * Records the triggers whose occurrences were not recorded before, in one batch; one recorded at the same time by
     * another instance is skipped.
     *
     * @return the keys recorded now
     */
    private List<String> record(Kind kind, List<Pending> pending, String by) {
        Instant now = time.now();
        int[] inserted = batches.batchUpdate("""
                INSERT INTO tiering_trigger (kind, occurrence_key, customer_id, figures, occurred_at, checked_by, catch_up)
                VALUES (:kind, :key, :customer, :figures, :now, :by, :catchUp)
                ON CONFLICT DO NOTHING
                """, pending.stream().map(p -> new MapSqlParameterSource()
                        .addValue("kind", kind.name()).addValue("key", p.key())
                        .addValue("customer", p.customer() == null ? null : p.customer().value())
                        .addValue("figures", json.writeValueAsString(p.reason()))
                        .addValue("now", JdbcTimestamps.toColumn(now)).addValue("by", by)
                        .addValue("catchUp", p.reason() instanceof ChurnWarning warning && warning.catchUp()))
                .toArray(MapSqlParameterSource[]::new));
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] != 0) {
                recorded.add(pending.get(i).key());
            }
        }
        return recorded;
    }

    private void link(String column, long id, List<String> keys) {
        for (int from = 0; from < keys.size(); from += KEYS_PER_STATEMENT) {
            jdbc.sql("UPDATE tiering_trigger SET " + column + " = :id WHERE occurrence_key IN (:keys)").param("id", id)
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + KEYS_PER_STATEMENT))).update();
        }
    }

    /** The share in percent, as written: 50, 33.5. */
    private static BigDecimal percent(double share) {
        BigDecimal percent = BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros();
        return percent.scale() < 0 ? percent.setScale(0) : percent;
    }

    private static BigDecimal cny(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private TriggerRecord map(ResultSet rs, int row) throws SQLException {
        long customer = rs.getLong("customer_id");
        CustomerId customerId = rs.wasNull() ? null : CustomerId.of(customer);
        long run = rs.getLong("run_id");
        RunId runId = rs.wasNull() ? null : RunId.of(run);
        long task = rs.getLong("task_id");
        Long taskId = rs.wasNull() ? null : task;
        Kind kind = Kind.valueOf(rs.getString("kind"));
        String figures = rs.getString("figures");
        Class<? extends TriggerReason> type = switch (kind) {
            case CADENCE -> Cadence.class;
            case SPEND_DROP -> SpendDrop.class;
            case CHURN_WARNING -> ChurnWarning.class;
        };
        TriggerReason reason = figures == null ? new TriggerReason.Text(rs.getString("reason")) : json.readValue(figures, type);
        return new TriggerRecord(rs.getLong("id"), kind, customerId, reason, JdbcTimestamps.read(rs, "occurred_at"), runId,
                taskId, rs.getString("checked_by"));
    }
}
