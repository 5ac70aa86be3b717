package com.tierdesk.tiering.internal;

import java.time.LocalTime;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tiering settings ({@code tierdesk.tiering.*}).
 *
 * @param vipCadence             how often VIP customers are reassessed (a run of the VIP segment)
 * @param cadence                how often everybody is reassessed (a run of all customers)
 * @param checksAt               when, each day in the business time zone, cadence and triggers are checked
 * @param spendDropShare         the spend-drop trigger fires when each of the two latest complete months is at
 *                               most this share of the average month of the 12 before them
 * @param churnWarningDueDays    days the owner has to act on a churn warning
 * @param autoPublishTriggerRuns publish spend-drop trigger runs without waiting for a supervisor
 * @param keepUndecidedResults   how long the results of rejected and failed runs are kept (their summaries stay)
 */
@ConfigurationProperties("tierdesk.tiering")
public record TieringSettings(@DefaultValue("P3M") Period vipCadence, @DefaultValue("P6M") Period cadence,
        @DefaultValue("02:00") LocalTime checksAt, @DefaultValue("0.5") double spendDropShare,
        @DefaultValue("7") int churnWarningDueDays, @DefaultValue("false") boolean autoPublishTriggerRuns,
        @DefaultValue("P30D") Period keepUndecidedResults) {
}
