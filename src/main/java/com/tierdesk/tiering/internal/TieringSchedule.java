package com.tierdesk.tiering.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.tiering.TierOverrides;
import com.tierdesk.tiering.TieringTriggers;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily tiering checks as db-scheduler recurring tasks, so that each runs on one instance a day: cadence,
 * spend-drop and churn-warning triggers at {@code tierdesk.tiering.checks-at}, and ending expired overrides just
 * after midnight. The services are looked up when a task runs: they schedule tasks themselves.
 */
@Configuration(proxyBeanMethods = false)
class TieringSchedule {

    private static final Logger log = LoggerFactory.getLogger(TieringSchedule.class);

    @Bean
    RecurringTask<Void> tieringChecksTask(ObjectProvider<TieringTriggers> triggers, TieringSettings settings,
            BusinessTime time) {
        return Tasks.recurring("tiering-checks", Schedules.daily(time.zone(), settings.checksAt())).execute((instance, context) -> {
            TieringTriggers.CheckOutcome outcome = triggers.getObject().check(TieringTriggers.SYSTEM);
            log.info("Tiering checks: {} cadence runs, {} spend drops, {} churn warnings, {} caught up ({} older lapses wait)",
                    outcome.cadenceRuns().size(), outcome.spendDrops(), outcome.churnWarnings(), outcome.catchUpWarnings(),
                    outcome.catchUpWaiting());
        });
    }

    /** Frees the space of runs nobody will publish: rejected and failed runs' results after a while. */
    @Bean
    RecurringTask<Void> resultRetentionTask(RunStore runs, TieringSettings settings, BusinessTime time) {
        return Tasks.recurring("assessment-result-retention", Schedules.daily(time.zone(), LocalTime.of(3, 30)))
                .execute((instance, context) -> {
                    int removed = runs.removeResultsOfRunsDroppedBefore(
                            time.local(time.now()).minus(settings.keepUndecidedResults()).toInstant());
                    if (removed > 0) {
                        log.info("Removed the results of {} rejected or failed runs", removed);
                    }
                });
    }

    @Bean
    RecurringTask<Void> overrideExpiryTask(ObjectProvider<TierOverrides> overrides, BusinessTime time) {
        return Tasks.recurring("tier-override-expiry", Schedules.daily(time.zone(), LocalTime.of(0, 5)))
                .execute((instance, context) -> overrides.getObject().expire(time.today()));
    }
}
