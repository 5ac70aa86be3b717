package com.tierdesk.customer.internal;

import com.tierdesk.customer.Consent;
import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerDraft;
import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.CustomerKind;
import com.tierdesk.customer.CustomerLine;
import com.tierdesk.customer.CustomerSearch;
import com.tierdesk.customer.CustomerSort;
import com.tierdesk.customer.CustomerStanding;
import com.tierdesk.customer.FieldRules;
import com.tierdesk.customer.Paged;
import com.tierdesk.customer.Portfolio;
import com.tierdesk.shared.JdbcTimestamps;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Customers and their tags in the customer and customer_tag tables. */
@Repository
public class CustomerRepository {

    private static final String COLUMNS = """
            c.id, c.code, c.name, c.kind, c.industry, c.contact_person, c.phone, c.email, c.region, c.birthday,
            c.registered_on, c.membership_expires_on, c.owner, c.consent_marketing, c.consent_sms, c.consent_email,
            c.created_at, c.updated_at, c.version""";

    /** Rows a cursor reads at a time while a list is exported. */
    private static final int EXPORT_FETCH_SIZE = 500;

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Customer> findByCode(String code) {
        return withTags(jdbc.sql("SELECT " + COLUMNS + " FROM customer c WHERE c.code = ?")
                .param(code).query(this::row).optional());
    }

    public Optional<Customer> findById(long id) {
        return withTags(jdbc.sql("SELECT " + COLUMNS + " FROM customer c WHERE c.id = ?")
                .param(id).query(this::row).optional());
    }

    /** The customer whose contact address this is whatever its case, by the index on the lower-cased address. */
    public Optional<Customer> findByEmail(String email) {
        return withTags(jdbc.sql("SELECT " + COLUMNS + " FROM customer c WHERE c.email_key = ? ORDER BY c.id LIMIT 1")
                .param(email.toLowerCase(Locale.ROOT)).query(this::row).optional());
    }

    public OptionalLong idOf(String code) {
        return jdbc.sql("SELECT id FROM customer WHERE code = ?").param(code).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
    }

    public long insert(CustomerDraft draft, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO customer (code, name, kind, industry, contact_person, phone, email, region, birthday,
                       registered_on, membership_expires_on, owner, consent_marketing, consent_sms, consent_email,
                       created_at, updated_at, version)
                VALUES (:code, :name, :kind, :industry, :contactPerson, :phone, :email, :region, :birthday,
                       :registeredOn, :membershipExpiresOn, :owner, :marketing, :sms, :email_consent,
                       :now, :now, 0)
                """).params(fields(draft)).param("now", JdbcTimestamps.toColumn(now)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        if (draft.tags() != null) {
            insertTags(id, draft.tags());
        }
        return id;
    }

    /** Writes the draft over the customer if it still has the expected version; false if it has not. */
    public boolean update(long id, long expectedVersion, CustomerDraft draft, Instant now) {
        int rows = jdbc.sql("""
                UPDATE customer SET name = :name, kind = :kind, industry = :industry, contact_person = :contactPerson,
                       phone = :phone, email = :email, region = :region, birthday = :birthday,
                       registered_on = :registeredOn, membership_expires_on = :membershipExpiresOn, owner = :owner,
                       consent_marketing = :marketing, consent_sms = :sms, consent_email = :email_consent,
                       updated_at = :now, version = version + 1
                 WHERE id = :id AND version = :version
                """).params(fields(draft)).param("now", JdbcTimestamps.toColumn(now)).param("id", id)
                .param("version", expectedVersion).update();
        if (rows == 1 && draft.tags() != null) {
            jdbc.sql("DELETE FROM customer_tag WHERE customer_id = ?").param(id).update();
            insertTags(id, draft.tags());
        }
        return rows == 1;
    }

    /** Records a change of the tags alone: a new version and update time. */
    public void touch(long id, Instant now) {
        jdbc.sql("UPDATE customer SET updated_at = ?, version = version + 1 WHERE id = ?")
                .param(JdbcTimestamps.toColumn(now)).param(id).update();
    }

    public void insertTags(long id, Collection<String> tags) {
        for (String tag : tags) {
            jdbc.sql("INSERT INTO customer_tag (customer_id, tag) VALUES (?, ?)").param(id).param(tag).update();
        }
    }

    public boolean deleteTag(long id, String tag) {
        return jdbc.sql("DELETE FROM customer_tag WHERE customer_id = ? AND tag = ?").param(id).param(tag).update() == 1;
    }

    /** @param lapsedBefore a customer whose last paid order was before this instant is at risk of churning */
    public Paged<Customer> search(CustomerSearch search, Instant lapsedBefore) {
        Filter filter = filter(search, lapsedBefore);
        long total = jdbc.sql("SELECT COUNT(*) FROM customer c" + filter.where()).params(filter.params())
                .query(Long.class).single();
        if (total == 0) {
            return Paged.of(List.of(), search.page(), 0);
        }
        String join = search.sort() == CustomerSort.LIFETIME_SPEND
                ? " LEFT JOIN customer_purchase_summary s ON s.customer_id = c.id" : "";
        List<Customer> rows = jdbc.sql("SELECT " + COLUMNS + " FROM customer c" + join + filter.where()
                        + " ORDER BY " + order(search) + " LIMIT :limit OFFSET :offset")
                .params(filter.params()).param("limit", search.page().size()).param("offset", search.page().offset())
                .query(this::row).list();
        return Paged.of(withTags(rows), search.page(), total);
    }

    /**
     * Every customer the search matches, its page aside, in its order, with their standing and purchase figures,
     * handed over as the rows are read: in a transaction, PostgreSQL reads them through a cursor, a few hundred at a
     * time. Tags are left out: they would cost a query a row.
     */
    public void export(CustomerSearch search, Instant lapsedBefore, Consumer<CustomerLine> each) {
        Filter filter = filter(search, lapsedBefore);
        jdbc.sql("SELECT " + COLUMNS + """
                        , ct.tier, s.last_paid_at, s.lifetime_paid_orders, s.lifetime_spend FROM customer c
                          LEFT JOIN customer_purchase_summary s ON s.customer_id = c.id
                          LEFT JOIN customer_current_tier ct ON ct.customer_id = c.id""" + filter.where()
                        + " ORDER BY " + order(search))
                .params(filter.params()).withFetchSize(EXPORT_FETCH_SIZE)
                .query((RowCallbackHandler) rs -> {
                    Instant lastPaidAt = JdbcTimestamps.read(rs, "last_paid_at");
                    BigDecimal spend = rs.getBigDecimal("lifetime_spend");
                    each.accept(new CustomerLine(row(rs, 0), new CustomerStanding(rs.getString("tier"), lastPaidAt,
                            lastPaidAt != null && lastPaidAt.isBefore(lapsedBefore)),
                            rs.getInt("lifetime_paid_orders"), spend == null ? BigDecimal.ZERO : spend));
                });
    }

    /** A search's conditions on customer c, as a WHERE clause (empty for none) and its parameters. */
    private record Filter(String where, Map<String, Object> params) {
    }

    private static Filter filter(CustomerSearch search, Instant lapsedBefore) {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        if (search.q() != null) {
            where.add("""
                    (LOWER(c.code) LIKE :q ESCAPE '!' OR LOWER(c.name) LIKE :q ESCAPE '!'
                     OR c.phone LIKE :phone ESCAPE '!' OR LOWER(c.email) LIKE :q ESCAPE '!')""");
            params.put("q", Sql.containing(search.q().toLowerCase(Locale.ROOT)));
            params.put("phone", Sql.containing(FieldRules.normalisePhone(search.q())));
        }
        criterion(where, params, "c.industry", "industry", search.industry());
        criterion(where, params, "c.kind", "kind", search.kind() == null ? null : search.kind().name());
        criterion(where, params, "c.region", "region", search.region());
        criterion(where, params, "c.owner", "owner", search.owner());
        if (search.tag() != null) {
            where.add("EXISTS (SELECT 1 FROM customer_tag t WHERE t.customer_id = c.id AND t.tag = :tag)");
            params.put("tag", search.tag());
        }
        if (search.tier() != null) {
            where.add("EXISTS (SELECT 1 FROM customer_current_tier ct WHERE ct.customer_id = c.id AND ct.tier = :tier)");
            params.put("tier", search.tier());
        }
        if (search.churnRisk()) {
            where.add("""
                    EXISTS (SELECT 1 FROM customer_purchase_summary ps
                             WHERE ps.customer_id = c.id AND ps.last_paid_at < :lapsedBefore)""");
            params.put("lapsedBefore", JdbcTimestamps.toColumn(lapsedBefore));
        }
        return new Filter(where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where), params);
    }

    /** The search's order, by columns of customer c and its purchase summary s. */
    private static String order(CustomerSearch search) {
        String direction = search.descending() ? " DESC" : " ASC";
        return switch (search.sort()) {
            case NAME -> "c.name" + direction + ", c.id" + direction;
            case CODE -> "c.code" + direction;
            case CREATED -> "c.created_at" + direction + ", c.id" + direction;
            case LIFETIME_SPEND -> "COALESCE(s.lifetime_spend, 0)" + direction + ", c.id" + direction;
        };
    }

    /** The current tier and the last paid order of each of the customers that has either. */
    public Map<CustomerId, Standing> standing(Collection<CustomerId> customers) {
        if (customers.isEmpty()) {
            return Map.of();
        }
        var standing = new HashMap<CustomerId, Standing>();
        jdbc.sql("""
                SELECT c.id, ct.tier, ps.last_paid_at FROM customer c
                  LEFT JOIN customer_current_tier ct ON ct.customer_id = c.id
                  LEFT JOIN customer_purchase_summary ps ON ps.customer_id = c.id
                 WHERE c.id IN (:ids)
                """).param("ids", customers.stream().map(CustomerId::value).toList())
                .query(rs -> {
                    standing.put(CustomerId.of(rs.getLong("id")),
                            new Standing(rs.getString("tier"), JdbcTimestamps.read(rs, "last_paid_at")));
                });
        return standing;
    }

    /** The owner's customers counted by current tier, and those whose last paid order was before {@code lapsedBefore}. */
    public Portfolio portfolio(String owner, Instant lapsedBefore) {
        Map<String, Long> byTier = new LinkedHashMap<>();
        long[] untiered = {0};
        jdbc.sql("""
                SELECT ct.tier, COUNT(*) AS customers FROM customer c
                  LEFT JOIN customer_current_tier ct ON ct.customer_id = c.id
                 WHERE c.owner = :owner GROUP BY ct.tier
                """).param("owner", owner).query(rs -> {
                    String tier = rs.getString("tier");
                    if (tier == null) {
                        untiered[0] += rs.getLong("customers");
                    } else {
                        byTier.put(tier, rs.getLong("customers"));
                    }
                });
        long churnRisk = jdbc.sql("""
                SELECT COUNT(*) FROM customer c JOIN customer_purchase_summary ps ON ps.customer_id = c.id
                 WHERE c.owner = :owner AND ps.last_paid_at < :lapsedBefore
                """).param("owner", owner).param("lapsedBefore", JdbcTimestamps.toColumn(lapsedBefore))
                .query(Long.class).single();
        long customers = byTier.values().stream().mapToLong(Long::longValue).sum() + untiered[0];
        return new Portfolio(owner, customers, byTier, untiered[0], churnRisk);
    }

    /** A customer's current tier ({@code null} for none) and last paid order ({@code null} for none). */
    public record Standing(String tier, Instant lastPaidAt) {
    }

    private static void criterion(List<String> where, Map<String, Object> params, String column, String name,
            Object value) {
        if (value != null) {
            where.add(column + " = :" + name);
            params.put(name, value);
        }
    }

    private static Map<String, Object> fields(CustomerDraft draft) {
        var fields = new HashMap<String, Object>();
        fields.put("code", draft.code());
        fields.put("name", draft.name());
        fields.put("kind", draft.kind().name());
        fields.put("industry", draft.industry());
        fields.put("contactPerson", draft.contactPerson());
        fields.put("phone", draft.phone());
        fields.put("email", draft.email());
        fields.put("region", draft.region());
        fields.put("birthday", draft.birthday());
        fields.put("registeredOn", draft.registeredOn());
        fields.put("membershipExpiresOn", draft.membershipExpiresOn());
        fields.put("owner", draft.owner());
        fields.put("marketing", draft.consent().marketing());
        fields.put("sms", draft.consent().sms());
        fields.put("email_consent", draft.consent().email());
        return fields;
    }

    private Optional<Customer> withTags(Optional<Customer> customer) {
        return customer.map(c -> withTags(List.of(c)).get(0));
    }

    private List<Customer> withTags(List<Customer> customers) {
        if (customers.isEmpty()) {
            return customers;
        }
        var tags = new HashMap<Long, List<String>>();
        jdbc.sql("SELECT customer_id, tag FROM customer_tag WHERE customer_id IN (:ids) ORDER BY customer_id, tag")
                .param("ids", customers.stream().map(c -> c.id().value()).toList())
                .query(rs -> {
                    tags.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return customers.stream().map(c -> tagged(c, tags.getOrDefault(c.id().value(), List.of()))).toList();
    }

    private static Customer tagged(Customer c, List<String> tags) {
        return new Customer(c.id(), c.code(), c.name(), c.kind(), c.industry(), c.contactPerson(), c.phone(),
                c.email(), c.region(), c.birthday(), c.registeredOn(), c.membershipExpiresOn(), c.owner(),
                c.consent(), tags, c.createdAt(), c.updatedAt(), c.version());
    }

    private Customer row(ResultSet rs, int rowNum) throws SQLException {
        return new Customer(CustomerId.of(rs.getLong("id")), rs.getString("code"), rs.getString("name"),
                CustomerKind.valueOf(rs.getString("kind")), rs.getString("industry"), rs.getString("contact_person"),
                rs.getString("phone"), rs.getString("email"), rs.getString("region"), Sql.date(rs, "birthday"),
                Sql.date(rs, "registered_on"), Sql.date(rs, "membership_expires_on"), rs.getString("owner"),
                new Consent(rs.getBoolean("consent_marketing"), rs.getBoolean("consent_sms"),
                        rs.getBoolean("consent_email")),
                List.of(), JdbcTimestamps.read(rs, "created_at"), JdbcTimestamps.read(rs, "updated_at"), rs.getLong("version"));
    }
}
