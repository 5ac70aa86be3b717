package com.tierdesk.customer.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Which database the customer module writes to: PostgreSQL gets its own statements where they pay off. */
@Component
class DatabaseDialect {

    private final boolean postgres;

    DatabaseDialect(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        }
    }

    boolean postgres() {
        return postgres;
    }

    /**
     * The lock that makes writers of one customer's derived rows take turns. On PostgreSQL it leaves the key alone,
     * so that a transaction that has just written an order of the customer (and holds a key-share lock through the
     * foreign key) never waits on it while holding other customers' locks: no deadlock.
     */
    String customerRowLock() {
        return postgres ? "FOR NO KEY UPDATE" : "FOR UPDATE";
    }
}
