package com.tierdesk.tiering;

import java.time.LocalDate;

/**
 * What to assess: as of which date, with which model version ({@code modelVersion} {@code null} for the
 * latest; {@code modelId} {@code null} for the active model), and whom ({@code null} segment for everybody).
 */
public record AssessmentRequest(LocalDate asOf, Long modelId, Integer modelVersion, Segment segment) {

    public AssessmentRequest {
        segment = segment == null ? Segment.everybody() : segment;
    }
}
