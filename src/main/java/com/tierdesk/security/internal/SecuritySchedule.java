package com.tierdesk.security.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps the sign-in counts small: every hour, the counts whose failures are forgotten and that lock nothing go. */
@Configuration(proxyBeanMethods = false)
class SecuritySchedule {

    @Bean
    RecurringTask<Void> signInAttemptsPurgeTask(SignInThrottle throttle) {
        return Tasks.recurring("sign-in-attempts-purge", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> throttle.purge());
    }
}
