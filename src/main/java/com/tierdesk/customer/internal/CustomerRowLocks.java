package com.tierdesk.customer.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes writers of one customer's derived rows (activity figures, tier timeline) take turns: they lock the customers'
 * rows in the caller's transaction, in id order, so that writers of overlapping customers never wait in a circle. On
 * PostgreSQL the lock leaves the key alone, so that a transaction that has just written an order of the customer (and
 * holds a key-share lock through the foreign key) never waits on it while holding other customers' locks.
 */
@Component
class CustomerRowLocks {

    private static final int IDS_PER_STATEMENT = 1_000;

    private final JdbcClient jdbc;
    private final String lock;

    CustomerRowLocks(JdbcClient jdbc, DatabaseDialect dialect) {
        this.jdbc = jdbc;
        this.lock = dialect.postgres() ? "FOR NO KEY UPDATE" : "FOR UPDATE";
    }

    /** @param ids distinct, ascending */
    void lock(List<Long> ids) {
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            jdbc.sql("SELECT id FROM customer WHERE id IN (:ids) ORDER BY id " + lock)
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT))).query(Long.class).list();
        }
    }
}
