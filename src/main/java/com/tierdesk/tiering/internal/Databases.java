package com.tierdesk.tiering.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Which database the application runs on, for the few statements PostgreSQL and H2 spell differently. */
final class Databases {

    private Databases() {
    }

    static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return isPostgres(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is: " + e.getMessage(), e);
        }
    }

    static boolean isPostgres(Connection connection) throws SQLException {
        return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
    }
}
