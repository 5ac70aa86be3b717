package com.tierdesk.tiering;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.tiering.internal.RunApprovals;
import com.tierdesk.tiering.internal.RunPublisher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supervisor's decisions on a scored run (docs/tiering.md): approve it (never its starter), which queues its
 * publication, or reject it, each with an optional note kept with the run; and publishing an approved run now, all of it or nothing.
 */
@Service
@Transactional(readOnly = true)
public class RunDecisions {

    private final Assessments assessments;
    private final RunApprovals approvals;
    private final RunPublisher publisher;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Long> publishTask;
    private final BusinessTime time;

    RunDecisions(Assessments assessments, RunApprovals approvals, RunPublisher publisher, SchedulerClient scheduler,
            @Qualifier("publishRunTask") OneTimeTask<Long> publishTask, BusinessTime time) {
        this.assessments = assessments;
        this.approvals = approvals;
        this.publisher = publisher;
        this.scheduler = scheduler;
        this.publishTask = publishTask;
        this.time = time;
    }

    /** Approves a run waiting for approval and queues its publication. */
    @Transactional
    public AssessmentRun approve(RunId id, String approver, String note) {
        approvals.approve(id.value(), approver, note);
        scheduler.schedule(publishTask.instance(Long.toString(id.value()), id.value()), time.now());
        return assessments.get(id);
    }

    @Transactional
    public AssessmentRun reject(RunId id, String supervisor, String note) {
        approvals.reject(id.value(), supervisor, note);
        return assessments.get(id);
    }

    /** Publishes an approved run now; publishing a published run again changes nothing. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public AssessmentRun publish(RunId id) {
        assessments.get(id);
        publisher.publish(id.value());
        return assessments.get(id);
    }
}
