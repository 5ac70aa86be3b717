package com.tierdesk.tiering;

import com.tierdesk.shared.Label;
import com.tierdesk.shared.Reason;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An assessment run as stored: its parameters, progress, outcome and decision; {@code error}, why a failed run failed,
 * is worded for each reader.
 */
public record AssessmentRun(RunId id, long modelId, Label modelName, int modelVersion, LocalDate asOf, Segment segment,
        RunStatus status, TriggerKind trigger, String triggerReason, String startedBy, Instant createdAt, Instant startedAt,
        Instant finishedAt, String stage, long progressDone, long progressTotal, Integer population, Integer assessed,
        RunSummary summary, PurchaseModel purchaseModel, String decidedBy, Instant decidedAt, String decisionNote,
        Instant publishedAt, Reason error) {

    /** The BG/NBD parameters fitted for the run, when its model uses purchase probability. */
    public record PurchaseModel(double r, double alpha, double a, double b, double logLikelihood, int sample) {
    }

    /** Progress of the current stage in percent, 0 when its size is not known yet. */
    public int percent() {
        return progressTotal <= 0 ? 0 : (int) Math.min(100, 100 * progressDone / progressTotal);
    }
}
