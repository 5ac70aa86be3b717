package com.tierdesk.tiering.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * Statements whose results PostgreSQL sends in binary. The driver asks for binary results only from a statement
 * prepared on the server, which it does from the statement's fifth run on; before that every byte of a run's stored
 * results comes as two hex digits and every number as text, to be parsed again.
 */
final class BinaryResults {

    private BinaryResults() {
    }

    static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        if (statement.isWrapperFor(PGStatement.class)) {
            // a negative threshold prepares on the server at once and asks for binary results
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
        return statement;
    }

    /** The statement for a {@code JdbcTemplate}, with its fetch size (0: the driver's) and its parameters, in order. */
    static PreparedStatementCreator statement(String sql, int fetchSize, long... parameters) {
        return connection -> {
            PreparedStatement statement = prepare(connection, sql);
            statement.setFetchSize(fetchSize);
            for (int i = 0; i < parameters.length; i++) {
                statement.setLong(i + 1, parameters[i]);
            }
            return statement;
        };
    }
}
