package com.tierdesk.customer.internal.imports;

import com.tierdesk.customer.FieldRules;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.InteractionKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Interactions by external id: inquiries, feedback, complaints, referrals, product usage and the like. */
final class InteractionTarget extends ExternalRecordTarget {

    private static final List<String> FIELDS = List.of("external_id", "customer_code", "kind", "occurred_at",
            "channel", "subject", "detail", "product", "usage_hours", "feature_activation_rate", "referred_customer_code");
    private static final StageTable STAGE = new StageTable("import_interaction_stage", List.of(
            new StageTable.Column("line", "BIGINT"), new StageTable.Column("external_id", "VARCHAR(64)"),
            new StageTable.Column("customer_code", "VARCHAR(64)"), new StageTable.Column("kind", "VARCHAR(32)"),
            new StageTable.Column("occurred_at", "TIMESTAMP WITH TIME ZONE"),
            new StageTable.Column("channel", "VARCHAR(32)"), new StageTable.Column("subject", "VARCHAR(200)"),
            new StageTable.Column("detail", "VARCHAR(4000)"), new StageTable.Column("product", "VARCHAR(100)"),
            new StageTable.Column("usage_hours", "NUMERIC(10, 2)"),
            new StageTable.Column("feature_activation_rate", "NUMERIC(5, 4)"),
            new StageTable.Column("referred_customer_code", "VARCHAR(64)")), "external_id, line", false);

    InteractionTarget() {
        super("interaction", STAGE);
    }

    @Override
    public ImportKind kind() {
        return ImportKind.INTERACTIONS;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public Set<String> requiredFields() {
        return Set.of("external_id", "customer_code", "kind", "occurred_at");
    }

    @Override
    boolean feedsPurchaseAggregates() {
        return false;
    }

    @Override
    String countsFrom() {
        return "occurred_at";
    }

    @Override
    public boolean stage(RowCheck row, StagePipeline pipeline) {
        String externalId = row.requiredText("external_id", 64);
        String customerCode = row.code("customer_code", true);
        InteractionKind kind = row.choice("kind", InteractionKind.class, Map.of());
        if (kind == null && row.raw("kind") == null) {
            row.refuse("kind", "problem.required");
        }
        Object[] values = {row.line(), externalId, customerCode, kind == null ? null : kind.name(),
                row.instant("occurred_at", true), row.text("channel", 32), row.text("subject", 200),
                row.multilineText("detail", FieldRules.MAX_DETAIL_LENGTH), row.text("product", 100),
                row.decimal("usage_hours", 2, FieldRules.MAX_USAGE_HOURS),
                row.decimal("feature_activation_rate", 4, BigDecimal.ONE), row.code("referred_customer_code", false)};
        if (!row.finish()) {
            return false;
        }
        pipeline.add(0, values);
        return true;
    }
}
