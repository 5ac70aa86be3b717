package com.tierdesk.customer.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.shared.BusinessTime;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the activity snapshot close to the data in the background: refreshes the queued customers every few
 * minutes, and moves every customer's window to the new month five minutes after midnight on the 1st (business
 * time), so that a run as of today rarely has to wait for either. Whichever comes first on the 1st does the move.
 */
@Configuration(proxyBeanMethods = false)
class ActivityRefreshSchedule {

    @Bean
    RecurringTask<Void> activityRefreshTask(CustomerActivity activity,
            @Value("${tierdesk.customer.activity-refresh-every:PT5M}") Duration every) {
        return Tasks.recurring("activity-figures-refresh", Schedules.fixedDelay(every))
                .execute((instance, context) -> activity.refresh());
    }

    @Bean
    RecurringTask<Void> activityMonthRolloverTask(CustomerActivity activity, BusinessTime time) {
        return Tasks.recurring("activity-month-rollover", Schedules.cron("0 5 0 1 * *", time.zone()))
                .execute((instance, context) -> activity.refresh());
    }
}
