package com.tierdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V30 gives every existing token an account: the one that issued it, through the chain of tokens that issued
 * tokens, or else a service account of its own named as the token acted before. Runs the migrations into a schema
 * of its own, on whichever database the suite uses.
 */
@SpringBootTest
class TokenAccountMigrationTests {

    @Autowired
    DataSource dataSource;

    final String schema = "token_migration_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void dropSchema() {
        JdbcClient.create(dataSource).sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
    }

    @Test
    void existingTokensGoToTheAccountThatIssuedThemOrBecomeServiceAccounts() throws SQLException {
        MigrationVersion v30 = MigrationVersion.fromVersion("30");
        MigrationVersion before = Arrays.stream(flyway(MigrationVersion.LATEST).info().all()).map(MigrationInfo::getVersion)
                .filter(version -> version.compareTo(v30) < 0).max(MigrationVersion::compareTo).orElseThrow();
        flyway(before).migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        person(jdbc, "admin", "ADMIN");
        token(jdbc, "AAAAAAAAAAAA", "erp", "AGENT", "admin");
        token(jdbc, "BBBBBBBBBBBB", "crm issued by erp's token", "QA", "token:AAAAAAAAAAAA");
        token(jdbc, "CCCCCCCCCCCC", "issued on the server", "ADMIN", "root");
        token(jdbc, "DDDDDDDDDDDD", "issued by the server's token", "SUPERVISOR", "token:CCCCCCCCCCCC");
        token(jdbc, "EEEEEEEEEEEE", "two tokens down", "AGENT", "token:DDDDDDDDDDDD");
        token(jdbc, "FFFFFFFFFFFF", "another server user", "QA", "deploy");

        flyway(v30).migrate();

        Map<String, String> accountOf = jdbc.sql("SELECT prefix, account FROM " + schema + ".api_token")
                .query((rs, row) -> Map.entry(rs.getString("prefix"), rs.getString("account"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(accountOf).containsExactlyInAnyOrderEntriesOf(Map.of(
                "AAAAAAAAAAAA", "admin", "BBBBBBBBBBBB", "admin",
                "CCCCCCCCCCCC", "token:CCCCCCCCCCCC", "DDDDDDDDDDDD", "token:CCCCCCCCCCCC", "EEEEEEEEEEEE", "token:CCCCCCCCCCCC",
                "FFFFFFFFFFFF", "token:FFFFFFFFFFFF"));
        assertThat(jdbc.sql("SELECT username, display_name, role, kind, password_hash FROM " + schema
                        + ".user_account WHERE kind = 'SERVICE' ORDER BY username")
                .query((rs, row) -> String.join("|", rs.getString("username"), rs.getString("display_name"), rs.getString("role"),
                        rs.getString("kind"), String.valueOf(rs.getString("password_hash")))).list())
                .containsExactly("token:CCCCCCCCCCCC|issued on the server|ADMIN|SERVICE|null",
                        "token:FFFFFFFFFFFF|another server user|QA|SERVICE|null");
        assertThat(jdbc.sql("SELECT kind FROM " + schema + ".user_account WHERE username = 'admin'").query(String.class).single())
                .isEqualTo("PERSON");
        assertThat(jdbc.sql("SELECT subject || ' ' || detail FROM " + schema + ".audit_event WHERE action = 'API_TOKEN_ATTACHED'")
                .query(String.class).list())
                .hasSize(6).contains("api-token:BBBBBBBBBBBB account=admin", "api-token:FFFFFFFFFFFF account=token:FFFFFFFFFFFF");
    }

    private Flyway flyway(MigrationVersion target) throws SQLException {
        String vendor;
        try (Connection connection = dataSource.getConnection()) {
            vendor = connection.getMetaData().getURL().startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
        }
        return Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor).target(target).load();
    }

    private void person(JdbcClient jdbc, String username, String role) {
        jdbc.sql("INSERT INTO " + schema + ".user_account (username, display_name, password_hash, role, enabled, created_at) "
                        + "VALUES (?, ?, '{noop}x', ?, TRUE, CURRENT_TIMESTAMP)")
                .params(username, username, role).update();
    }

    private void token(JdbcClient jdbc, String prefix, String name, String role, String createdBy) {
        jdbc.sql("INSERT INTO " + schema + ".api_token (prefix, secret_sha256, name, role, created_by, created_at) "
                        + "VALUES (?, 'digest', ?, ?, ?, CURRENT_TIMESTAMP)")
                .params(prefix, name, role, createdBy).update();
    }
}
