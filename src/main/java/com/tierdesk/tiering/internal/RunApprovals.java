package com.tierdesk.tiering.internal;

import com.tierdesk.security.AuditLog;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.NotFound;
import com.tierdesk.tiering.RunStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supervisor's decision on a run waiting for approval. The approver is never the person who started the run;
 * a run older than the last published one, or decided against tiers published since, cannot be approved.
 */
@Component
public class RunApprovals {

    public static final String SYSTEM = "system";

    private final RunStore runs;
    private final RunPublisher publisher;
    private final AuditLog audit;
    private final BusinessTime time;

    RunApprovals(RunStore runs, RunPublisher publisher, AuditLog audit, BusinessTime time) {
        this.runs = runs;
        this.publisher = publisher;
        this.audit = audit;
        this.time = time;
    }

    @Transactional
    public void approve(long runId, String approver, String note) {
        RunStore.RunRow run = awaiting(runId);
        if (approver.equals(run.startedBy())) {
            throw new Conflict("approver", "run " + runId + " was started by " + approver
                    + "; another supervisor must approve it");
        }
        publisher.requirePublishable(run);
        runs.decided(runId, RunStatus.APPROVED, approver, note, time.now());
        audit.record(approver, "RUN_APPROVED", "run " + runId, note);
    }

    @Transactional
    public void reject(long runId, String supervisor, String note) {
        awaiting(runId);
        if (note == null || note.isBlank()) {
            throw new Conflict("note", "a rejection needs a reason");
        }
        runs.decided(runId, RunStatus.REJECTED, supervisor, note, time.now());
        audit.record(supervisor, "RUN_REJECTED", "run " + runId, note);
    }

    /** Approves a trigger run on the system's behalf, where the settings allow it; the approver says so. */
    @Transactional
    public void approveAutomatically(long runId) {
        awaiting(runId);
        runs.decided(runId, RunStatus.APPROVED, SYSTEM, null, time.now());
        audit.record(SYSTEM, "RUN_APPROVED", "run " + runId, "trigger run approved automatically");
    }

    private RunStore.RunRow awaiting(long runId) {
        RunStore.RunRow run = runs.lock(runId).orElseThrow(() -> new NotFound("run", "id", runId));
        if (run.status() != RunStatus.AWAITING_APPROVAL) {
            throw new Conflict("status", "run " + runId + " is " + run.status() + ", not awaiting approval");
        }
        return run;
    }
}
