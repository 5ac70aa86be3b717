package com.tierdesk.customer.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.tierdesk.customer.CustomerActivity;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the activity snapshot close to the data in the background: refreshes the queued customers every few
 * minutes (and everybody once a new month starts), so that a run as of today rarely has to wait for it.
 */
@Configuration(proxyBeanMethods = false)
class ActivityRefreshSchedule {

    @Bean
    RecurringTask<Void> activityRefreshTask(CustomerActivity activity,
            @Value("${tierdesk.customer.activity-refresh-every:PT5M}") Duration every) {
        return Tasks.recurring("activity-figures-refresh", Schedules.fixedDelay(every))
                .execute((instance, context) -> activity.refresh());
    }
}
