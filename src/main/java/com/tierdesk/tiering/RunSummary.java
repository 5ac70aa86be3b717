package com.tierdesk.tiering;

import java.util.List;
import java.util.Map;

/**
 * A run's outcome against the last published tiers. {@code matrix} counts customers by previous tier (rows:
 * the tiers best first, then one for new customers without a tier) and new tier (columns, best first).
 *
 * @param distribution customers per tier in this run
 * @param upgrades     customers moving to a better tier
 * @param downgrades   customers moving to a worse tier
 * @param newCustomers customers without a published tier before
 * @param unchanged    customers keeping their tier
 * @param held         customers kept in their tier by hysteresis for now
 * @param churned      customers put in the last tier by the churn rule
 * @param floors       the lowest score each tier took (its threshold, or its quota boundary), for tiers with one
 * @param millis       time spent per stage (read, score, write)
 * @param moves        the moves by cause against the last published run; {@code null} in runs stored before causes
 */
public record RunSummary(List<String> tiers, Map<String, Long> distribution, long[][] matrix, long upgrades,
        long downgrades, long newCustomers, long unchanged, long held, long churned, Map<String, Double> floors,
        Map<String, Long> millis, Moves moves) {

    public RunSummary withMillis(Map<String, Long> stageMillis) {
        return new RunSummary(tiers, distribution, matrix, upgrades, downgrades, newCustomers, unchanged, held, churned,
                floors, stageMillis, moves);
    }

    /**
     * Upgrades and downgrades by cause, and what changed in the population since the last published run.
     *
     * @param baselineRun       the last published run, whose population the moves were graded against ({@code null}: none)
     * @param upgrades          upgrades by cause ({@link MoveCause} names); moves whose cause could not be told are left out
     * @param downgrades        downgrades by cause
     * @param addedCustomers    customers of this run's population without a published tier before
     * @param changedCustomers  customers whose figures differ from those of the run that gave them their tier
     */
    public record Moves(Long baselineRun, Map<String, Long> upgrades, Map<String, Long> downgrades, long addedCustomers,
            long changedCustomers) {

        public long upgrades(MoveCause cause) {
            return upgrades.getOrDefault(cause.name(), 0L);
        }

        public long downgrades(MoveCause cause) {
            return downgrades.getOrDefault(cause.name(), 0L);
        }
    }
}
