package com.tierdesk.customer;

import com.tierdesk.shared.Label;
import java.time.Instant;

/** The label of an industry or tag code, in Chinese and English, and who set it last. */
public record CodeLabel(LabelKind kind, String code, Label label, Instant updatedAt, String updatedBy) {
}
