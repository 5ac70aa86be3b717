package com.tierdesk.customer.internal.imports;

import com.tierdesk.customer.FieldRules;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.OrderLine;
import com.tierdesk.customer.OrderLines;
import com.tierdesk.customer.OrderStatus;
import com.tierdesk.shared.InvalidValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders by external id; the status defaults to PAID when the order has a payment time, else PLACED. A row's
 * {@code lines} ({@link OrderLines#parse the one-column form}) replace the order's stored lines; a row without
 * them keeps those.
 */
final class OrderTarget extends ExternalRecordTarget {

    private static final List<String> FIELDS = List.of("external_id", "customer_code", "amount", "refund_amount",
            "placed_at", "paid_at", "status", "lines");
    private static final StageTable STAGE = new StageTable("import_order_stage", List.of(
            new StageTable.Column("line", "BIGINT"), new StageTable.Column("external_id", "VARCHAR(64)"),
            new StageTable.Column("customer_code", "VARCHAR(64)"), new StageTable.Column("amount", "NUMERIC(14, 2)"),
            new StageTable.Column("refund_amount", "NUMERIC(14, 2)"),
            new StageTable.Column("placed_at", "TIMESTAMP WITH TIME ZONE"),
            new StageTable.Column("paid_at", "TIMESTAMP WITH TIME ZONE"), new StageTable.Column("status", "VARCHAR(16)"),
            new StageTable.Column("paid_month", "DATE")), "external_id, line", false);
    private static final StageTable LINE_STAGE = new StageTable("import_order_line_stage", List.of(
            new StageTable.Column("line", "BIGINT"), new StageTable.Column("external_id", "VARCHAR(64)"),
            new StageTable.Column("line_no", "INTEGER"), new StageTable.Column("product_code", "VARCHAR(64)"),
            new StageTable.Column("product_name", "VARCHAR(200)"), new StageTable.Column("quantity", "INTEGER"),
            new StageTable.Column("amount", "NUMERIC(14, 2)")), "line, line_no", false);

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
    public List<StageTable> stageTables() {
        return List.of(STAGE, LINE_STAGE);
    }

    @Override
    public MergeCounts tryFirstLoad(ImportContext context, long staged) {
        MergeCounts counts = super.tryFirstLoad(context, staged);
        if (counts != null) {
            replaceLines(context);
        }
        return counts;
    }

    @Override
    public MergeCounts merge(ImportContext context) {
        MergeCounts counts = super.merge(context);
        replaceLines(context);
        return counts;
    }

    /** Replaces the lines of the merged orders whose rows gave lines (rows refused since are gone from the stage). */
    private static void replaceLines(ImportContext context) {
        String given = "FROM " + LINE_STAGE.name() + " l JOIN " + STAGE.name()
                + " s ON s.line = l.line JOIN customer_order o ON o.external_id = s.external_id";
        context.jdbc().update("DELETE FROM customer_order_line WHERE order_id IN (SELECT o.id " + given + ")");
        context.jdbc().update("INSERT INTO customer_order_line (order_id, line_no, product_code, product_name, quantity, "
                + "amount) SELECT o.id, l.line_no, l.product_code, l.product_name, l.quantity, l.amount " + given);
    }

    @Override
    boolean feedsPurchaseAggregates() {
        return true;
    }

    @Override
    String countsFrom() {
        return "paid_at";
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
        List<OrderLine> lines = lines(row);
        if (!row.finish()) {
            return false;
        }
        pipeline.add(0, new Object[] {row.line(), externalId, customerCode, amount, refund, placedAt, paidAt,
                status.name(), paidMonth(paidAt, status)});
        for (OrderLine line : lines) {
            pipeline.add(1, new Object[] {row.line(), externalId, line.lineNo(), line.productCode(), line.productName(),
                    line.quantity(), line.amount()});
        }
        return true;
    }

    private static List<OrderLine> lines(RowCheck row) {
        String text = row.raw("lines");
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return OrderLines.parse(text);
        } catch (InvalidValue e) {
            row.refuse(e.part() == null ? "lines" : e.part(), e.reason());
            return List.of();
        }
    }

    /** The month an order's spend counts in: the business time zone's month of the payment, none when it does not count. */
    private LocalDate paidMonth(Instant paidAt, OrderStatus status) {
        return paidAt != null && status.countsAsPaid() ? paidAt.atZone(zone).toLocalDate().withDayOfMonth(1) : null;
    }
}
