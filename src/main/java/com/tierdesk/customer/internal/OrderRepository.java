package com.tierdesk.customer.internal;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.CustomerOrder;
import com.tierdesk.customer.OrderDraft;
import com.tierdesk.customer.OrderLine;
import com.tierdesk.customer.OrderStatus;
import com.tierdesk.customer.PageSpec;
import com.tierdesk.customer.Paged;
import com.tierdesk.shared.JdbcTimestamps;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders in the customer_order table. Purchase aggregates are refreshed by the caller. */
@Repository
public class OrderRepository {

    private static final String SELECT = """
            SELECT o.external_id, o.customer_id, c.code, o.amount, o.refund_amount, o.placed_at, o.paid_at,
                   o.status, o.paid_month
              FROM customer_order o JOIN customer c ON c.id = o.customer_id
            """;

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CustomerOrder> findByExternalId(String externalId) {
        return jdbc.sql(SELECT + " WHERE o.external_id = ?").param(externalId).query(OrderRepository::row).optional()
                .map(order -> withLines(List.of(order)).get(0));
    }

    /** Replaces the order's lines. */
    public void replaceLines(String externalId, List<OrderLine> lines) {
        long orderId = idOf(externalId).orElseThrow();
        jdbc.sql("DELETE FROM customer_order_line WHERE order_id = ?").param(orderId).update();
        for (OrderLine line : lines) {
            jdbc.sql("""
                    INSERT INTO customer_order_line (order_id, line_no, product_code, product_name, quantity, amount)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).param(orderId).param(line.lineNo()).param(line.productCode()).param(line.productName())
                    .param(line.quantity()).param(line.amount()).update();
        }
    }

    /** The orders with their lines, read in one query. */
    private List<CustomerOrder> withLines(List<CustomerOrder> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Map<String, List<OrderLine>> lines = new HashMap<>();
        jdbc.sql("""
                SELECT o.external_id, l.line_no, l.product_code, l.product_name, l.quantity, l.amount
                  FROM customer_order_line l JOIN customer_order o ON o.id = l.order_id
                 WHERE o.external_id IN (:ids) ORDER BY o.external_id, l.line_no
                """).param("ids", orders.stream().map(CustomerOrder::externalId).toList())
                .query(rs -> {
                    lines.computeIfAbsent(rs.getString("external_id"), id -> new ArrayList<>()).add(new OrderLine(
                            rs.getInt("line_no"), rs.getString("product_code"), rs.getString("product_name"),
                            rs.getInt("quantity"), rs.getBigDecimal("amount")));
                });
        return orders.stream().map(o -> new CustomerOrder(o.externalId(), o.customerId(), o.customerCode(), o.amount(),
                o.refundAmount(), o.placedAt(), o.paidAt(), o.status(), o.paidMonth(),
                List.copyOf(lines.getOrDefault(o.externalId(), List.of())))).toList();
    }

    public void insert(OrderDraft order, long customerId, LocalDate paidMonth) {
        jdbc.sql("""
                INSERT INTO customer_order (external_id, customer_id, amount, refund_amount, placed_at, paid_at,
                       status, paid_month)
                VALUES (:externalId, :customerId, :amount, :refund, :placedAt, :paidAt, :status, :paidMonth)
                """).params(fields(order, customerId, paidMonth)).update();
    }

    public void update(OrderDraft order, long customerId, LocalDate paidMonth) {
        jdbc.sql("""
                UPDATE customer_order SET customer_id = :customerId, amount = :amount, refund_amount = :refund,
                       placed_at = :placedAt, paid_at = :paidAt, status = :status, paid_month = :paidMonth
                 WHERE external_id = :externalId
                """).params(fields(order, customerId, paidMonth)).update();
    }

    public Optional<Long> idOf(String externalId) {
        return jdbc.sql("SELECT id FROM customer_order WHERE external_id = ?").param(externalId).query(Long.class)
                .optional();
    }

    /** The order's row id and figures, locked until the transaction ends, so refunds add up one after another. */
    public Optional<LockedOrder> lock(String externalId) {
        return jdbc.sql("SELECT id FROM customer_order WHERE external_id = ? FOR UPDATE").param(externalId)
                .query(Long.class).optional()
                .map(id -> new LockedOrder(id, findByExternalId(externalId).orElseThrow()));
    }

    /** Adds a refund to the order's refunded amount; a fully refunded order turns REFUNDED. */
    public void addRefund(long orderId, BigDecimal amount) {
        jdbc.sql("""
                UPDATE customer_order SET refund_amount = refund_amount + :amount,
                       status = CASE WHEN refund_amount + :amount = amount THEN 'REFUNDED' ELSE status END
                 WHERE id = :id
                """).param("amount", amount).param("id", orderId).update();
    }

    /** A stored order with its row id. */
    public record LockedOrder(long id, CustomerOrder order) {
    }

    /** The customer's orders, the latest placed first. */
    public Paged<CustomerOrder> ofCustomer(long customerId, PageSpec page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE customer_id = ?").param(customerId)
                .query(Long.class).single();
        var orders = jdbc.sql(SELECT + " WHERE o.customer_id = ? ORDER BY o.placed_at DESC, o.id DESC LIMIT ? OFFSET ?")
                .param(customerId).param(page.size()).param(page.offset()).query(OrderRepository::row).list();
        return Paged.of(withLines(orders), page, total);
    }

    private static Map<String, Object> fields(OrderDraft order, long customerId, LocalDate paidMonth) {
        var fields = new HashMap<String, Object>();
        fields.put("externalId", order.externalId());
        fields.put("customerId", customerId);
        fields.put("amount", order.amount());
        fields.put("refund", order.refundAmount());
        fields.put("placedAt", JdbcTimestamps.toColumn(order.placedAt()));
        fields.put("paidAt", JdbcTimestamps.toColumn(order.paidAt()));
        fields.put("status", order.status().name());
        fields.put("paidMonth", paidMonth);
        return fields;
    }

    private static CustomerOrder row(ResultSet rs, int rowNum) throws SQLException {
        return new CustomerOrder(rs.getString("external_id"), CustomerId.of(rs.getLong("customer_id")),
                rs.getString("code"), rs.getBigDecimal("amount"), rs.getBigDecimal("refund_amount"),
                JdbcTimestamps.read(rs, "placed_at"), JdbcTimestamps.read(rs, "paid_at"), OrderStatus.valueOf(rs.getString("status")),
                Sql.date(rs, "paid_month"), List.of());
    }
}
