package com.tierdesk.customer.internal.imports;

import com.tierdesk.customer.FieldRules;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders by external id; the status defaults to PAID when the order has a payment time, else PLACED. */
final class OrderTarget extends ExternalRecordTarget {

    private static final List<String> FIELDS = List.of("external_id", "customer_code", "amount", "refund_amount",
            "placed_at", "paid_at", "status");
    private static final StageTable STAGE = new StageTable("import_order_stage", List.of(
            new StageTable.Column("line", "BIGINT"), new StageTable.Column("external_id", "VARCHAR(64)"),
            new StageTable.Column("customer_code", "VARCHAR(64)"), new StageTable.Column("amount", "NUMERIC(14, 2)"),
            new StageTable.Column("refund_amount", "NUMERIC(14, 2)"),
            new StageTable.Column("placed_at", "TIMESTAMP WITH TIME ZONE"),
            new StageTable.Column("paid_at", "TIMESTAMP WITH TIME ZONE"), new StageTable.Column("status", "VARCHAR(16)"),
            new StageTable.Column("paid_month", "DATE")), "external_id, line", false);

    private final ZoneId zone;

    OrderTarget(ZoneId zone) {
        super("customer_order", STAGE);
        this.zone = zone;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ORDERS;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public Set<String> requiredFields() {
        return Set.of("external_id", "customer_code", "amount", "placed_at");
    }

    @Override
    boolean feedsPurchaseAggregates() {
        return true;
    }

    @Override
    public boolean stage(RowCheck row, StagePipeline pipeline) {
        String externalId = row.requiredText("external_id", 64);
        String customerCode = row.code("customer_code", true);
        BigDecimal amount = row.amount("amount", true);
        BigDecimal refund = row.amount("refund_amount", false);
        Instant placedAt = row.instant("placed_at", true);
        Instant paidAt = row.instant("paid_at", false);
        OrderStatus status = row.choice("status", OrderStatus.class, Map.of());
        if (status == null) {
            status = paidAt != null ? OrderStatus.PAID : OrderStatus.PLACED;
        }
        if (refund == null) {
            refund = BigDecimal.ZERO.setScale(2);
        }
        row.apply("refund_amount", FieldRules.refund(amount, refund));
        row.apply("paid_at", FieldRules.paidAt(placedAt, paidAt));
        if (!row.finish()) {
            return false;
        }
        pipeline.add(0, new Object[] {row.line(), externalId, customerCode, amount, refund, placedAt, paidAt,
                status.name(), paidMonth(paidAt, status)});
        return true;
    }

    /** The month an order's spend counts in: the business time zone's month of the payment, none when it does not count. */
    private LocalDate paidMonth(Instant paidAt, OrderStatus status) {
        return paidAt != null && status.countsAsPaid() ? paidAt.atZone(zone).toLocalDate().withDayOfMonth(1) : null;
    }
}
