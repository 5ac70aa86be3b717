package com.tierdesk.tiering.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.tierdesk.tiering.TierOverrides;
import com.tierdesk.tiering.TieringTriggers;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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
            @Value("${tierdesk.zone:Asia/Shanghai}") ZoneId zone) {
        return Tasks.recurring("tiering-checks", Schedules.daily(zone, settings.checksAt())).execute((instance, context) -> {
            TieringTriggers.CheckOutcome outcome = triggers.getObject().check();
            log.info("Tiering checks: {} cadence runs, {} customers with a spend drop, {} churn warnings",
                    outcome.cadenceRuns().size(), outcome.spendDrops(), outcome.churnWarnings());
        });
    }

    /** Frees the space of runs nobody will publish: rejected and failed runs' results after a while. */
    @Bean
    RecurringTask<Void> resultRetentionTask(RunStore runs, TieringSettings settings, Clock clock,
            @Value("${tierdesk.zone:Asia/Shanghai}") ZoneId zone) {
        return Tasks.recurring("assessment-result-retention", Schedules.daily(zone, java.time.LocalTime.of(3, 30)))
                .execute((instance, context) -> {
                    java.time.Instant before = clock.instant().atZone(zone).minus(settings.keepUndecidedResults()).toInstant();
                    int removed = runs.removeResultsOfRunsDroppedBefore(before);
                    if (removed > 0) {
                        log.info("Removed the results of {} rejected or failed runs", removed);
                    }
                });
    }

    @Bean
    RecurringTask<Void> overrideExpiryTask(ObjectProvider<TierOverrides> overrides, Clock clock,
            @Value("${tierdesk.zone:Asia/Shanghai}") ZoneId zone) {
        return Tasks.recurring("tier-override-expiry", Schedules.daily(zone, java.time.LocalTime.of(0, 5)))
                .execute((instance, context) -> overrides.getObject().expire(LocalDate.now(clock.withZone(zone))));
    }
}
