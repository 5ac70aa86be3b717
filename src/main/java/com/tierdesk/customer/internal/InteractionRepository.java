package com.tierdesk.customer.internal;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.Interaction;
import com.tierdesk.customer.InteractionDraft;
import com.tierdesk.customer.InteractionKind;
import com.tierdesk.customer.PageSpec;
import com.tierdesk.customer.Paged;
import com.tierdesk.shared.JdbcTimestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Interactions in the interaction table. */
@Repository
public class InteractionRepository {

    private static final String SELECT = """
            SELECT i.external_id, i.customer_id, c.code, i.kind, i.occurred_at, i.channel, i.subject, i.detail,
                   i.product, i.usage_hours, i.feature_activation_rate, i.referred_customer_code
              FROM interaction i JOIN customer c ON c.id = i.customer_id
            """;

    private final JdbcClient jdbc;

    InteractionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Interaction> findByExternalId(String externalId) {
        return jdbc.sql(SELECT + " WHERE i.external_id = ?").param(externalId)
                .query(InteractionRepository::row).optional();
    }

    public void insert(InteractionDraft interaction, long customerId) {
        jdbc.sql("""
                INSERT INTO interaction (external_id, customer_id, kind, occurred_at, channel, subject, detail, product,
                       usage_hours, feature_activation_rate, referred_customer_code)
                VALUES (:externalId, :customerId, :kind, :occurredAt, :channel, :subject, :detail, :product,
                       :usageHours, :activationRate, :referred)
                """).params(fields(interaction, customerId)).update();
    }

    public void update(InteractionDraft interaction, long customerId) {
        jdbc.sql("""
                UPDATE interaction SET customer_id = :customerId, kind = :kind, occurred_at = :occurredAt,
                       channel = :channel, subject = :subject, detail = :detail, product = :product,
                       usage_hours = :usageHours, feature_activation_rate = :activationRate,
                       referred_customer_code = :referred
                 WHERE external_id = :externalId
                """).params(fields(interaction, customerId)).update();
    }

    /** The customer's interactions, the latest first. */
    public Paged<Interaction> ofCustomer(long customerId, PageSpec page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM interaction WHERE customer_id = ?").param(customerId)
                .query(Long.class).single();
        var interactions = jdbc.sql(SELECT + " WHERE i.customer_id = ? ORDER BY i.occurred_at DESC, i.id DESC LIMIT ? OFFSET ?")
                .param(customerId).param(page.size()).param(page.offset()).query(InteractionRepository::row).list();
        return Paged.of(interactions, page, total);
    }

    private static Map<String, Object> fields(InteractionDraft interaction, long customerId) {
        var fields = new HashMap<String, Object>();
        fields.put("externalId", interaction.externalId());
        fields.put("customerId", customerId);
        fields.put("kind", interaction.kind().name());
        fields.put("occurredAt", JdbcTimestamps.toColumn(interaction.occurredAt()));
        fields.put("channel", interaction.channel());
        fields.put("subject", interaction.subject());
        fields.put("detail", interaction.detail());
        fields.put("product", interaction.product());
        fields.put("usageHours", interaction.usageHours());
        fields.put("activationRate", interaction.featureActivationRate());
        fields.put("referred", interaction.referredCustomerCode());
        return fields;
    }

    private static Interaction row(ResultSet rs, int rowNum) throws SQLException {
        return new Interaction(rs.getString("external_id"), CustomerId.of(rs.getLong("customer_id")),
                rs.getString("code"), InteractionKind.valueOf(rs.getString("kind")), JdbcTimestamps.read(rs, "occurred_at"),
                rs.getString("channel"), rs.getString("subject"), rs.getString("detail"), rs.getString("product"),
                rs.getBigDecimal("usage_hours"), rs.getBigDecimal("feature_activation_rate"),
                rs.getString("referred_customer_code"));
    }
}
