package com.tierdesk.ticket;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps one db-scheduler task waiting for each ticket's next wake: the instant one of its running SLA targets turns
 * at risk or breached, or an escalation step falls due. Every change of the ticket replaces it, in the change's
 * transaction; a ticket with nothing left to watch has none. The task's instance is named after the ticket and the
 * instant ({@code 42@2026-03-02T02:00:00Z}), so a new wake never collides with one being fired; a wake that is no
 * longer the ticket's current one does nothing when it fires.
 */
@Component
class SlaWatch {

    static final String TASK = "sla-watch";

    private final WatchRepository watches;
    private final ObjectProvider<SchedulerClient> scheduler;

    SlaWatch(WatchRepository watches, ObjectProvider<SchedulerClient> scheduler) {
        this.watches = watches;
        this.scheduler = scheduler;
    }

    /** Wakes the watcher for the ticket at {@code next}, replacing its earlier wake; with none, stops watching it. */
    void follow(TicketId id, Optional<Instant> next) {
        Optional<Instant> current = watches.wake(id);
        if (current.equals(next)) {
            return;
        }
        current.ifPresent(wake -> cancel(id, wake));
        if (next.isEmpty()) {
            watches.clearWake(id);
            return;
        }
        watches.setWake(id, next.get());
        scheduler.getObject().scheduleIfNotExists(SlaWatchTask.instance(id, next.get()), next.get());
    }

    /** Wakes the watcher for a new ticket at {@code next}, if it has anything to watch. */
    void start(TicketId id, Optional<Instant> next) {
        if (next.isPresent()) {
            watches.firstWake(id, next.get());
            scheduler.getObject().scheduleIfNotExists(SlaWatchTask.instance(id, next.get()), next.get());
        }
    }

    /** Whether the wake is the ticket's current one, so that a replaced wake that fires anyway does nothing. */
    boolean isCurrent(TicketId id, Instant wake) {
        return watches.wake(id).filter(wake::equals).isPresent();
    }

    private void cancel(TicketId id, Instant wake) {
        try {
            scheduler.getObject().cancel(TaskInstanceId.of(TASK, SlaWatchTask.instanceId(id, wake)));
        } catch (TaskInstanceException alreadyGoneOrFiring) {
            // the wake fired already, or is firing now and ends by itself
        }
    }
}
