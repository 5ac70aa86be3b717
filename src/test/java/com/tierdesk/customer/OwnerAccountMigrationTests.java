package com.tierdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V102 links customers' owners to accounts: an owner written as a person's username in other letter case, or as
 * their display name, becomes the username when exactly one person matches; the rest stay as written. Runs the
 * migrations into a schema of its own, on whichever database the suite uses.
 */
@SpringBootTest
class OwnerAccountMigrationTests {

    @Autowired
    DataSource dataSource;

    final String schema = "owner_migration_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void dropSchema() {
        JdbcClient.create(dataSource).sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
    }

    @Test
    void ownersMatchingOnePersonBecomeTheirAccountAndTheRestStayAsWritten() throws SQLException {
        flyway(MigrationVersion.fromVersion("101")).migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        person(jdbc, "wang.li", "王丽", "PERSON");
        person(jdbc, "chen", "陈静", "PERSON");
        person(jdbc, "chen2", "陈静", "PERSON");
        person(jdbc, "erp", "ERP 集成", "SERVICE");
        customer(jdbc, "C-1", "wang.li");
        customer(jdbc, "C-2", "Wang.Li");
        customer(jdbc, "C-3", "王丽");
        customer(jdbc, "C-4", "陈静");
        customer(jdbc, "C-5", "ERP 集成");
        customer(jdbc, "C-6", "张三");
        customer(jdbc, "C-7", null);

        flyway(MigrationVersion.fromVersion("102")).migrate();

        Map<String, String> ownerOf = jdbc.sql("SELECT code, owner FROM " + schema + ".customer")
                .query((rs, row) -> Map.entry(rs.getString("code"), String.valueOf(rs.getString("owner")))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(ownerOf).containsExactlyInAnyOrderEntriesOf(Map.of("C-1", "wang.li", "C-2", "wang.li", "C-3", "wang.li",
                "C-4", "陈静", "C-5", "ERP 集成", "C-6", "张三", "C-7", "null"));
        assertThat(jdbc.sql("SELECT version FROM " + schema + ".customer WHERE code = 'C-3'").query(Long.class).single())
                .isEqualTo(1L);
    }

    private Flyway flyway(MigrationVersion target) throws SQLException {
        String vendor;
        try (Connection connection = dataSource.getConnection()) {
            vendor = connection.getMetaData().getURL().startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
        }
        return Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor).target(target).load();
    }

    private void person(JdbcClient jdbc, String username, String displayName, String kind) {
        jdbc.sql("INSERT INTO " + schema + ".user_account (username, display_name, password_hash, role, enabled, created_at, kind) "
                        + "VALUES (?, ?, ?, 'ACCOUNT_MANAGER', TRUE, CURRENT_TIMESTAMP, ?)")
                .params(username, displayName, kind.equals("PERSON") ? "{noop}x" : null, kind).update();
    }

    private void customer(JdbcClient jdbc, String code, String owner) {
        jdbc.sql("INSERT INTO " + schema + ".customer (code, name, kind, owner, created_at, updated_at) "
                        + "VALUES (?, ?, 'COMPANY', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .params(code, "客户 " + code, owner).update();
    }
}
