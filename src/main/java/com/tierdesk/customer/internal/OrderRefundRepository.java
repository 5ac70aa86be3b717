package com.tierdesk.customer.internal;

import com.tierdesk.customer.OrderRefund;
import com.tierdesk.shared.JdbcTimestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The refunds recorded on orders (customer_order_refund). */
@Repository
public class OrderRefundRepository {

    private final JdbcClient jdbc;

    OrderRefundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long orderId, BigDecimal amount, String reason, Instant refundedAt, String recordedBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO customer_order_refund (order_id, amount, reason, refunded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?)
                """).param(orderId).param(amount).param(reason).param(JdbcTimestamps.toColumn(refundedAt))
                .param(recordedBy).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The order's refunds, the oldest first. */
    public List<OrderRefund> ofOrder(long orderId, String orderExternalId) {
        return jdbc.sql("""
                SELECT id, amount, reason, refunded_at, recorded_by FROM customer_order_refund
                 WHERE order_id = ? ORDER BY refunded_at, id
                """).param(orderId).query((rs, n) -> new OrderRefund(rs.getLong("id"), orderExternalId,
                rs.getBigDecimal("amount"), rs.getString("reason"), JdbcTimestamps.read(rs, "refunded_at"),
                rs.getString("recorded_by"))).list();
    }
}
