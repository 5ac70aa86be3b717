package com.tierdesk.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.security.AuditEvent;
import com.tierdesk.security.AuditLog;
import com.tierdesk.security.People;
import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.Rollback;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Runs in a rolled-back transaction that first empties user_account (and the tokens acting as its accounts), so
 * it sees a first start without disturbing the accounts other tests created.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
@Transactional
@Rollback
class DemoUsersTests {

    @Autowired
    UserAccounts accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @TempDir
    Path dir;

    @Test
    void firstStartCreatesOneAccountPerRoleWithDistinctRandomPasswordsAndSecondStartNone(CapturedOutput log) throws Exception {
        jdbc.sql("DELETE FROM api_token").update();
        jdbc.sql("DELETE FROM user_account").update();
        Path file = dir.resolve("data/initial-credentials.txt");
        var demoUsers = new DemoUsers(accounts, people, audit, new SecuritySettings(true, file),
                TransactionOperations.withoutTransaction());

        List<DemoUsers.Credentials> created = demoUsers.createIfNoAccounts(file);

        assertThat(created).extracting(DemoUsers.Credentials::username)
                .containsExactly("agent", "senior", "manager", "qa", "supervisor", "supervisor2", "admin");
        assertThat(created).extracting(DemoUsers.Credentials::role).containsAll(List.of(Role.values()));
        assertThat(created).extracting(DemoUsers.Credentials::password).doesNotHaveDuplicates()
                .allSatisfy(password -> assertThat(password).hasSizeGreaterThanOrEqualTo(20));
        created.forEach(user -> assertThat(passwords.matches(user.password(), hashOf(user.username()))).isTrue());
        assertThat(Files.readString(file)).contains(created.get(0).password(), created.get(6).password());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(audit.recent(100)).filteredOn(event -> event.action().equals("DEMO_USER_CREATED"))
                .extracting(AuditEvent::subject).as("each account created is audited, whatever other work records meanwhile")
                .containsAll(created.stream().map(user -> "user:" + user.username()).toList());
        assertThat(people.profile("agent").orElseThrow().staffing().skills()).satisfies(skills -> {
            assertThat(skills.ticketTypes()).containsExactlyInAnyOrderElementsOf(people.ticketTypes());
            assertThat(skills.languages()).containsExactlyInAnyOrder("zh", "en");
        });
        assertThat(people.profile("senior").orElseThrow().staffing().teams()).contains("complaints");
        assertThat(people.profiles()).filteredOn(profile -> created.stream()
                        .anyMatch(user -> user.username().equals(profile.account().username())))
                .as("every demo account has an address and a language").hasSize(7)
                .allSatisfy(profile -> assertThat(profile.contact().email())
                        .isEqualTo(profile.account().username() + "@tierdesk.example"))
                .extracting(profile -> profile.contact().languageTag()).contains("zh-CN", "en");
        assertThat(people.profile("qa").orElseThrow().staffing().skills().ticketTypes()).isEmpty();
        assertThat(log.getAll()).as("only a real start shows the passwords").doesNotContain("demo accounts")
                .doesNotContain(created.get(0).password());

        assertThat(demoUsers.createIfNoAccounts(file)).isEmpty();
        assertThat(accounts.list()).hasSize(7);
    }

    private String hashOf(String username) {
        return jdbc.sql("SELECT password_hash FROM user_account WHERE username = ?").param(username).query(String.class).single();
    }
}
