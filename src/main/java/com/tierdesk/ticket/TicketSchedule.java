package com.tierdesk.ticket;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Closes solved tickets once their wait is over, as a db-scheduler recurring task: on one instance at a time. */
@Configuration(proxyBeanMethods = false)
class TicketSchedule {

    @Bean
    RecurringTask<Void> solvedTicketClosingTask(ObjectProvider<SolvedTicketClosing> closing, TicketSettings settings) {
        return Tasks.recurring("solved-ticket-closing", Schedules.fixedDelay(settings.closeSolvedEvery()))
                .execute((instance, context) -> closing.getObject().closeAllDue());
    }
}
