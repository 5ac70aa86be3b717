package com.tierdesk.ticket;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The db-scheduler one-time task that wakes the SLA watcher for a ticket at an instant: {@code <ticket>@<instant>}. */
@Configuration(proxyBeanMethods = false)
class SlaWatchTask {

    @Bean
    OneTimeTask<Void> slaWake(ObjectProvider<SlaWatcher> watcher) {
        return Tasks.oneTime(SlaWatch.TASK).execute((instance, context) -> {
            String id = instance.getId();
            int at = id.indexOf('@');
            watcher.getObject().fire(TicketId.of(Long.parseLong(id.substring(0, at))), Instant.parse(id.substring(at + 1)));
        });
    }

    static String instanceId(TicketId id, Instant wake) {
        return id.value() + "@" + wake;
    }

    static TaskInstance<Void> instance(TicketId id, Instant wake) {
        return new TaskInstance<>(SlaWatch.TASK, instanceId(id, wake));
    }
}
