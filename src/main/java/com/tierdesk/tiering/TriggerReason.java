package com.tierdesk.tiering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a trigger fired, as figures and no words: the console and the command line say it in the reader's language
 * with the message {@code tiering.because.<code>} and the {@link #figures() figures} as its arguments, all plain
 * text (ISO dates and months, amounts in CNY with two decimals).
 */
public sealed interface TriggerReason {

    /** The key of the message that says it, after {@code tiering.because.}. */
    String code();

    /** The message's arguments, in order. */
    Object[] figures();

    /**
     * A cadence date came: the group is reassessed on {@code day} of {@code months}, and no run as of that date or
     * later was published for it. {@code attempt} 1 is the date's first run; a later attempt follows a run that
     * was rejected or failed ({@code previousRun}, {@code previousStatus}) at least {@code retryAfterDays} before.
     */
    record Cadence(CadenceGroup group, String tier, int day, List<Integer> months, LocalDate dueOn, int attempt,
            RunId previousRun, RunStatus previousStatus, int retryAfterDays) implements TriggerReason {

        public Cadence {
            months = List.copyOf(months);
        }

        @Override
        public String code() {
            return attempt == 1 ? "CADENCE_" + group : "CADENCE_RETRY_" + previousStatus;
        }

        @Override
        public Object[] figures() {
            return new Object[] {String.valueOf(tier), Integer.toString(day),
                    months.stream().map(String::valueOf).collect(Collectors.joining(", ")), dueOn.toString(),
                    Integer.toString(attempt), previousRun == null ? "" : previousRun.toString(),
                    Integer.toString(retryAfterDays)};
        }
    }

    /**
     * Spend in each of the two latest complete months ({@code lastMonth} and the month before) at most
     * {@code sharePercent} of the average month of the baseline ({@code baselineFrom} to {@code baselineTo}), in
     * {@code activeMonths} of which the customer paid orders.
     */
    record SpendDrop(YearMonth lastMonth, BigDecimal lastMonthSpend, BigDecimal monthBeforeSpend,
            BigDecimal monthlyAverage, BigDecimal sharePercent, YearMonth baselineFrom, YearMonth baselineTo,
            int activeMonths) implements TriggerReason {

        @Override
        public String code() {
            return "SPEND_DROP";
        }

        @Override
        public Object[] figures() {
            return new Object[] {lastMonth.minusMonths(1).toString(), monthBeforeSpend.toPlainString(), lastMonth.toString(),
                    lastMonthSpend.toPlainString(), sharePercent.toPlainString(), monthlyAverage.toPlainString(),
                    baselineFrom.toString(), baselineTo.toString(), Integer.toString(activeMonths)};
        }
    }

    /**
     * No paid order since {@code lastPaidOn}, {@code days} days before the check, at least the churn limit. A
     * {@code catchUp} warning is for a lapse older than the daily check (after installing, or when the checks did not
     * run for a while).
     */
    record ChurnWarning(LocalDate lastPaidOn, long days, int churnDays, boolean catchUp) implements TriggerReason {

        @Override
        public String code() {
            return catchUp ? "CHURN_CATCH_UP" : "CHURN_WARNING";
        }

        @Override
        public Object[] figures() {
            return new Object[] {lastPaidOn.toString(), Long.toString(days), Integer.toString(churnDays)};
        }
    }

    /** A reason recorded as an English sentence, before reasons were kept as figures. */
    record Text(String text) implements TriggerReason {

        @Override
        public String code() {
            return "TEXT";
        }

        @Override
        public Object[] figures() {
            return new Object[] {text};
        }
    }
}
