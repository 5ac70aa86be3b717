package com.tierdesk.customer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** Column conversions and LIKE patterns both databases (PostgreSQL and H2) agree on. */
final class Sql {

    private Sql() {
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** A LIKE pattern matching the fragment anywhere, with '!' as the escape character. */
    static String containing(String fragment) {
        return "%" + fragment.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
