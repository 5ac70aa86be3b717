package com.tierdesk.tiering.internal;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.tiering.RunStatus;
import com.tierdesk.tiering.TriggerKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The background work of assessment runs, as db-scheduler tasks keyed by run id: executing a run and
 * publishing an approved one. A task cut off by a crash is revived and runs again, which both tolerate.
 */
@Configuration(proxyBeanMethods = false)
public class AssessmentTasks {

    public static final String EXECUTE = "assessment-run";
    public static final String PUBLISH = "assessment-publish";
    private static final Logger log = LoggerFactory.getLogger(AssessmentTasks.class);

    @Bean
    OneTimeTask<Long> assessmentRunTask(AssessmentEngine engine, RunStore runs, RunApprovals approvals,
            RunPublisher publisher, TieringSettings settings, BusinessTime time) {
        return Tasks.oneTime(EXECUTE, Long.class).onDeadExecutionRevive().execute((instance, context) -> {
            long runId = instance.getData();
            engine.execute(runId);
            runs.find(runId).filter(run -> run.status() == RunStatus.AWAITING_APPROVAL)
                    .filter(run -> settings.autoPublishTriggerRuns() && oneCustomerTriggerRun(run.trigger(), run.assessed()))
                    .ifPresent(run -> {
                        approvals.approveAutomatically(runId);
                        publish(publisher, runs, runId, time);
                    });
        });
    }

    /**
     * A run a trigger started for one customer: the only kind that may skip the supervisor (docs/tiering.md); a day's
     * spend drops of several customers, like a cadence run, waits for approval.
     */
    static boolean oneCustomerTriggerRun(TriggerKind trigger, Integer assessed) {
        return trigger == TriggerKind.SPEND_DROP && assessed != null && assessed == 1;
    }

    @Bean
    OneTimeTask<Long> publishRunTask(RunPublisher publisher, RunStore runs, BusinessTime time) {
        return Tasks.oneTime(PUBLISH, Long.class).onDeadExecutionRevive()
                .execute((instance, context) -> publish(publisher, runs, instance.getData(), time));
    }

    /** Publishes; a refusal (the run went stale after approval) ends the run as failed instead of retrying. */
    static void publish(RunPublisher publisher, RunStore runs, long runId, BusinessTime time) {
        try {
            publisher.publish(runId);
        } catch (Conflict refused) {
            log.warn("Run {} cannot be published: {}", runId, refused.getMessage());
            runs.failedIf(runId, RunStatus.APPROVED, RunFailures.of(refused), time.now());
        }
    }
}
