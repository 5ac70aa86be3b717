package com.tierdesk.customer.internal;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.CustomerRef;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Looks up codes, names and owners of many customers at once. */
@Repository
public class CustomerRefs {

    private static final int PER_QUERY = 1000;

    private final JdbcClient jdbc;

    CustomerRefs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<CustomerId, CustomerRef> of(Collection<CustomerId> ids) {
        Map<CustomerId, CustomerRef> refs = new LinkedHashMap<>();
        List<Long> values = ids.stream().map(CustomerId::value).distinct().toList();
        for (int from = 0; from < values.size(); from += PER_QUERY) {
            jdbc.sql("SELECT id, code, name, owner FROM customer WHERE id IN (:ids)")
                    .param("ids", values.subList(from, Math.min(values.size(), from + PER_QUERY)))
                    .query((rs, row) -> new CustomerRef(CustomerId.of(rs.getLong(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4)))
                    .list().forEach(ref -> refs.put(ref.id(), ref));
        }
        return refs;
    }
}
