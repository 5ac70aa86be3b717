package com.tierdesk.ticket;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler task that wakes the SLA watcher for a ticket at an instant: {@code <ticket>@<instant>}. A wake done
 * is removed; one that came before its instant by the business clock is looked at again a second later. An instance
 * with {@code tierdesk.tickets.watcher.enabled=false} does not know the task, so it fires no wake (the others do).
 */
@Configuration(proxyBeanMethods = false)
class SlaWatchTask {

    @Bean
    @ConditionalOnProperty(name = "tierdesk.tickets.watcher.enabled", havingValue = "true", matchIfMissing = true)
    CustomTask<Void> slaWake(ObjectProvider<SlaWatcher> watcher) {
        return Tasks.custom(SlaWatch.TASK, Void.class).execute((instance, context) -> {
            String id = instance.getId();
            int at = id.indexOf('@');
            boolean done = watcher.getObject().fire(TicketId.of(Long.parseLong(id.substring(0, at))),
                    Instant.parse(id.substring(at + 1)));
            return done ? new CompletionHandler.OnCompleteRemove<>()
                    : (complete, operations) -> operations.reschedule(complete, complete.getTimeDone().plusSeconds(1));
        });
    }

    static String instanceId(TicketId id, Instant wake) {
        return id.value() + "@" + wake;
    }

    static TaskInstance<Void> instance(TicketId id, Instant wake) {
        return new TaskInstance<>(SlaWatch.TASK, instanceId(id, wake));
    }
}
