package com.tierdesk.customer.internal;

import com.tierdesk.customer.CustomerSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Resolves a {@link CustomerSelection} to customer ids with one query. */
@Repository
public class CustomerSelections {

    private final JdbcClient jdbc;

    CustomerSelections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the selected customers, ascending. */
    public long[] ids(CustomerSelection selection) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new TreeMap<>();
        in(where, params, "c.code", "codes", selection.codes());
        in(where, params, "c.industry", "industries", selection.industries());
        in(where, params, "c.region", "regions", selection.regions());
        in(where, params, "c.owner", "owners", selection.owners());
        if (!selection.tags().isEmpty()) {
            where.add("EXISTS (SELECT 1 FROM customer_tag t WHERE t.customer_id = c.id AND t.tag IN (:tags))");
            params.put("tags", selection.tags());
        }
        String sql = "SELECT c.id FROM customer c" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY c.id";
        return jdbc.sql(sql).params(params).query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
    }

    private static void in(List<String> where, Map<String, Object> params, String column, String name, List<String> values) {
        if (!values.isEmpty()) {
            where.add(column + " IN (:" + name + ")");
            params.put(name, values);
        }
    }
}
