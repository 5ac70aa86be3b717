package com.tierdesk.notification.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.tierdesk.notification.NotificationSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Dispatches the outbox's due emails as a db-scheduler recurring task. */
@Configuration(proxyBeanMethods = false)
class NotificationSchedule {

    @Bean
    RecurringTask<Void> notificationDispatchTask(ObjectProvider<NotificationDispatcher> dispatcher,
            NotificationSettings settings) {
        return Tasks.recurring("notification-dispatch", Schedules.fixedDelay(settings.dispatchEvery()))
                .execute((instance, context) -> dispatcher.getObject().dispatchDue());
    }
}
