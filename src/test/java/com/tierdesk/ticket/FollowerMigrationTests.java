package com.tierdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V139 moves the followers the email channel kept into the ticket's followers: each address once per ticket whatever
 * its case, from the mail's CC, dated by the ticket's first mail. Runs the migrations into a schema of its own, on
 * whichever database the suite uses.
 */
@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
class FollowerMigrationTests {

    @Autowired
    DataSource dataSource;

    final String schema = "follower_migration_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void dropSchema() {
        JdbcClient.create(dataSource).sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
    }

    @Test
    void theMailModulesFollowersBecomeTheTicketsOnceEach() throws SQLException {
        flyway(MigrationVersion.fromVersion("138")).migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Instant mailed = Instant.parse("2026-03-02T01:00:00Z");
        jdbc.sql("INSERT INTO " + schema + ".ticket (id, customer_id, customer_code, channel, subject, type, priority, "
                        + "status, tier, policy_version, created_at, updated_at, version) "
                        + "VALUES (7, 1, 'C-1', 'EMAIL', '发票', 'INQUIRY', 'NORMAL', 'NEW', 'REGULAR', 1, ?, ?, 0)")
                .params(Timestamp.from(mailed), Timestamp.from(mailed)).update();
        jdbc.sql("INSERT INTO " + schema + ".mail_message (message_id, direction, ticket_id, received_at) "
                        + "VALUES ('<a@x>', 'IN', 7, ?), ('<b@x>', 'IN', 7, ?)")
                .params(Timestamp.from(mailed), Timestamp.from(mailed.plusSeconds(3600))).update();
        for (String address : List.of("boss@example.org", "Boss@Example.org", "helper@example.org")) {
            jdbc.sql("INSERT INTO " + schema + ".mail_follower (ticket_id, address) VALUES (7, ?)").param(address)
                    .update();
        }

        flyway(MigrationVersion.fromVersion("139")).migrate();

        assertThat(jdbc.sql("SELECT email_key, source, added_by, added_at FROM " + schema
                        + ".ticket_followers WHERE ticket_id = 7 ORDER BY email_key")
                .query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getTimestamp(4).toInstant())
                .list())
                .containsExactly("boss@example.org MAIL_CC null " + mailed, "helper@example.org MAIL_CC null " + mailed);
        try (Connection connection = dataSource.getConnection();
             var tables = connection.getMetaData().getTables(null, null, "%", null)) {
            var names = new java.util.ArrayList<String>();
            while (tables.next()) {
                if (schema.equalsIgnoreCase(tables.getString("TABLE_SCHEM"))) {
                    names.add(tables.getString("TABLE_NAME").toLowerCase());
                }
            }
            assertThat(names).contains("ticket_followers").doesNotContain("mail_follower");
        }
    }

    private Flyway flyway(MigrationVersion target) throws SQLException {
        String vendor;
        try (Connection connection = dataSource.getConnection()) {
            vendor = connection.getMetaData().getURL().startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
        }
        return Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor).target(target).load();
    }
}
