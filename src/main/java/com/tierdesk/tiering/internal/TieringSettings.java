package com.tierdesk.tiering.internal;

import com.tierdesk.tiering.CadenceGroup;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tiering settings ({@code tierdesk.tiering.*}).
 *
 * @param cadence                 the fixed dates on which the top tier and everybody are reassessed
 * @param checksAt                when, each day in the business time zone, cadence and triggers are checked
 * @param spendDropShare          the spend-drop trigger fires when each of the two latest complete months is at
 *                                most this share of the average month of the 12 before them
 * @param spendDropSteadyMonths   ... and the customer paid orders in at least this many of those 12 months
 * @param churnWarningDueDays     days the owner has to act on a churn warning
 * @param churnCatchUpPerDay      at most this many churn warnings a day for lapses older than the daily check
 *                                (after installing, or after the checks did not run for a while)
 * @param autoPublishTriggerRuns  publish a trigger run of one customer without waiting for a supervisor
 * @param keepUndecidedResults    how long the results of rejected and failed runs are kept (their summaries stay)
 */
@ConfigurationProperties("tierdesk.tiering")
public record TieringSettings(@DefaultValue Cadence cadence, @DefaultValue("02:00") LocalTime checksAt,
        @DefaultValue("0.5") double spendDropShare, @DefaultValue("6") int spendDropSteadyMonths,
        @DefaultValue("7") int churnWarningDueDays, @DefaultValue("500") int churnCatchUpPerDay,
        @DefaultValue("false") boolean autoPublishTriggerRuns, @DefaultValue("P30D") Period keepUndecidedResults) {

    public TieringSettings {
        if (!(spendDropShare > 0 && spendDropShare < 1)) {
            throw new IllegalArgumentException("tierdesk.tiering.spend-drop-share must be between 0 and 1, not " + spendDropShare);
        }
        if (spendDropSteadyMonths < 0 || spendDropSteadyMonths > 12) {
            throw new IllegalArgumentException("tierdesk.tiering.spend-drop-steady-months must be 0 to 12, not "
                    + spendDropSteadyMonths);
        }
        if (churnWarningDueDays < 0 || churnCatchUpPerDay < 0) {
            throw new IllegalArgumentException("tierdesk.tiering.churn-warning-due-days and churn-catch-up-per-day "
                    + "must not be negative");
        }
    }

    /**
     * The reassessment cadence on fixed dates: the top tier of the ladder on {@code day} of each of
     * {@code topTierMonths}, everybody on {@code day} of each of {@code everybodyMonths} (a run of everybody covers
     * the top tier too). A run that was rejected or failed is tried again every {@code retryAfterDays} until one is
     * published or the next date comes. An empty list of months turns that cadence off.
     */
    public record Cadence(@DefaultValue({"1", "4", "7", "10"}) List<Integer> topTierMonths,
            @DefaultValue({"1", "7"}) List<Integer> everybodyMonths, @DefaultValue("1") int day,
            @DefaultValue("7") int retryAfterDays) {

        public Cadence {
            topTierMonths = List.copyOf(topTierMonths).stream().sorted().distinct().toList();
            everybodyMonths = List.copyOf(everybodyMonths).stream().sorted().distinct().toList();
            if (topTierMonths.stream().anyMatch(month -> month < 1 || month > 12)
                    || everybodyMonths.stream().anyMatch(month -> month < 1 || month > 12)) {
                throw new IllegalArgumentException("tierdesk.tiering.cadence months must be 1 to 12");
            }
            if (day < 1 || day > 28) {
                throw new IllegalArgumentException("tierdesk.tiering.cadence.day must be 1 to 28 (every month has it), not " + day);
            }
            if (retryAfterDays < 1) {
                throw new IllegalArgumentException("tierdesk.tiering.cadence.retry-after-days must be at least 1");
            }
        }

        public List<Integer> months(CadenceGroup group) {
            return group == CadenceGroup.TOP_TIER ? topTierMonths : everybodyMonths;
        }

        /** The latest of the group's dates on or before the day; empty when the group has no months. */
        public Optional<LocalDate> lastDate(CadenceGroup group, LocalDate onOrBefore) {
            List<Integer> months = months(group);
            YearMonth month = YearMonth.from(onOrBefore);
            for (int back = 0; back <= 12 && !months.isEmpty(); back++) {
                LocalDate date = month.minusMonths(back).atDay(day);
                if (months.contains(date.getMonthValue()) && !date.isAfter(onOrBefore)) {
                    return Optional.of(date);
                }
            }
            return Optional.empty();
        }
    }
}
