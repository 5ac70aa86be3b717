package com.tierdesk.tiering;

import com.tierdesk.shared.Label;
import com.tierdesk.tiering.scoring.ScoringModel;
import java.time.Instant;

/** One stored version of a scoring model; {@code latest} tells whether a newer version exists. */
public record ModelVersion(long modelId, int version, ScoringModel definition, String note, Instant createdAt,
        String createdBy, boolean latest, boolean active) {

    public Label name() {
        return definition.name();
    }
}
