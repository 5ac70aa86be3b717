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
}
