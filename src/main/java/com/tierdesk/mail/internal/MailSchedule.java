package com.tierdesk.mail.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.tierdesk.mail.MailSettings;
import com.tierdesk.mail.MailboxPoller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Polls the service mailbox as a db-scheduler recurring task: one instance of the cluster runs it at a time. */
@Configuration(proxyBeanMethods = false)
class MailSchedule {

    @Bean
    RecurringTask<Void> mailboxPollTask(ObjectProvider<MailboxPoller> poller, MailSettings settings) {
        return Tasks.recurring("mailbox-poll", Schedules.fixedDelay(settings.inbound().pollEvery()))
                .execute((instance, context) -> poller.getObject().poll());
    }
}
