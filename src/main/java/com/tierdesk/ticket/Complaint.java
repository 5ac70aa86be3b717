package com.tierdesk.ticket;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A complaint ticket's flow: the stages recorded so far in order, whether it is complex (flagged, or escalated), and
 * the specialist it was escalated to, and when.
 */
public record Complaint(boolean complex, String specialist, Instant escalatedAt, List<Stage> stages) {

    public static final Complaint NONE = new Complaint(false, null, null, List.of());

    public Complaint {
        stages = List.copyOf(stages);
    }

    /** One recorded stage: its text, who recorded it and when. */
    public record Stage(ComplaintStage stage, String body, String recordedBy, Instant recordedAt) {
    }

    boolean recorded(ComplaintStage stage) {
        return stages.stream().anyMatch(recorded -> recorded.stage() == stage);
    }

    /** The stage to record next, or {@code null} when the flow is complete. */
    public ComplaintStage next() {
        return Arrays.stream(ComplaintStage.values()).filter(stage -> !recorded(stage)).findFirst()
                .orElse(null);
    }

    boolean escalated() {
        return specialist != null;
    }
}
