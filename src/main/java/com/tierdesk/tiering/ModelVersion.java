package com.tierdesk.tiering;

import com.tierdesk.shared.Label;
import com.tierdesk.tiering.scoring.ScoringModel;
import java.time.Instant;

/** One stored version of a scoring model; {@code latest} tells whether a newer version exists. */
public record ModelVersion(long modelId, int version, ScoringModel definition, String note, Instant createdAt,
        String createdBy, boolean latest, boolean active) {

    /** The note of the versions TierDesk installs from its presets. */
    static final String PRESET_NOTE = "preset";

    public Label name() {
        return definition.name();
    }

    /** Whether TierDesk installed this version from a preset (its note is a marker, not words a person wrote). */
    public boolean shippedPreset() {
        return PRESET_NOTE.equals(note) && ScoringModels.SYSTEM.equals(createdBy);
    }
}
