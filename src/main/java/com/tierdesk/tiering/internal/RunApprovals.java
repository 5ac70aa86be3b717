package com.tierdesk.tiering.internal;

import com.tierdesk.security.AuditLog;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.TextRules;
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
    static final int MAX_NOTE = 1000;

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
        checkNote(note);
        RunStore.RunRow run = awaiting(runId);
        if (approver.equals(run.startedBy())) {
            throw new Conflict("approver", "problem.run.own", runId, approver);
        }
        publisher.requirePublishable(run);
        runs.decided(runId, RunStatus.APPROVED, approver, kept(note), time.now());
        audit.record(approver, "RUN_APPROVED", "run " + runId, kept(note));
    }

    @Transactional
    public void reject(long runId, String supervisor, String note) {
        checkNote(note);
        awaiting(runId);
        runs.decided(runId, RunStatus.REJECTED, supervisor, kept(note), time.now());
        audit.record(supervisor, "RUN_REJECTED", "run " + runId, kept(note));
    }

    /** Approves a trigger run on the system's behalf, where the settings allow it; the approver says so. */
    @Transactional
    public void approveAutomatically(long runId) {
        awaiting(runId);
        runs.decided(runId, RunStatus.APPROVED, SYSTEM, null, time.now());
        audit.record(SYSTEM, "RUN_APPROVED", "run " + runId, "trigger run approved automatically");
    }

    /** A decision's note, optional for an approval and a rejection alike, is a text of at most {@value #MAX_NOTE} characters. */
    private static void checkNote(String note) {
        TextRules.multiline(note, MAX_NOTE).ifPresent(reason -> {
            throw InvalidInput.of("note", reason);
        });
    }

    private static String kept(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }

    private RunStore.RunRow awaiting(long runId) {
        RunStore.RunRow run = runs.lock(runId).orElseThrow(() -> new NotFound("id", "problem.no-run", runId));
        if (run.status() != RunStatus.AWAITING_APPROVAL) {
            throw new Conflict("status", "problem.run.not-awaiting", runId, run.status());
        }
        return run;
    }
}
