package com.tierdesk;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler for background and recurring work: tasks are rows in {@code scheduled_tasks}, so each runs
 * exactly once however many instances share the database, and work cut off by a crash is picked up again.
 * Modules contribute {@link Task} beans. Scheduling joins the caller's transaction, so a task exists exactly
 * when what it is about committed. The batch command line schedules but never executes.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks,
            @Value("${tierdesk.scheduler.polling-interval:PT2S}") Duration pollingInterval,
            @Value("${tierdesk.scheduler.threads:2}") int threads,
            @Value("${tierdesk.scheduler.recurring:true}") boolean recurring) throws SQLException {
        // recurring tasks are registered by startTasks (which schedules them); the others are only known
        List<RecurringTask<?>> startTasks = recurring
                ? tasks.stream().filter(task -> task instanceof RecurringTask<?>).<RecurringTask<?>>map(task -> (RecurringTask<?>) task).toList()
                : List.of();
        List<Task<?>> known = tasks.stream().filter(task -> !startTasks.contains(task)).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), known)
                .jdbcCustomization(timestamps(dataSource))
                .startTasks(startTasks)
                .pollingInterval(pollingInterval)
                .heartbeatInterval(Duration.ofSeconds(30))
                .threads(threads)
                .enableImmediateExecution()
                .build();
    }

    /**
     * db-scheduler knows PostgreSQL but not H2, and on an unknown database warns (on every start, before a command's
     * output) that it assumes time columns WITH TIME ZONE. {@code scheduled_tasks} has exactly those (V6), so on H2
     * its default way of reading and writing them is the right one, chosen here rather than guessed.
     */
    private static JdbcCustomization timestamps(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName()) ? new DefaultJdbcCustomization(false)
                    : new AutodetectJdbcCustomization(dataSource);
        }
    }

    /**
     * Starts executing once the application is up, unless this instance only schedules: the command line, or an
     * instance run with {@code tierdesk.scheduler.execute=false} (docs/operations.md).
     */
    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent ready) {
        var environment = ready.getApplicationContext().getEnvironment();
        if (!environment.getProperty("tierdesk.command-line", Boolean.class, false)
                && environment.getProperty("tierdesk.scheduler.execute", Boolean.class, true)) {
            ready.getApplicationContext().getBean(Scheduler.class).start();
        }
    }
}
