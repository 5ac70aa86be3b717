package com.tierdesk.security.internal;

import com.tierdesk.security.AuditLog;
import com.tierdesk.security.ContactChange;
import com.tierdesk.security.People;
import com.tierdesk.security.Role;
import com.tierdesk.security.StaffingChange;
import com.tierdesk.security.UserAccounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * On a first start, with no accounts at all, creates one account per role (and a second supervisor, since
 * approvals need two people) so the console can be tried at once. Each gets a fresh random password, shown
 * once in the log and kept in an owner-readable file; none is written anywhere in the code. The agent, the senior
 * agent and the account manager handle every ticket type in Chinese and English, so that assignment finds them once
 * they sign in; the senior agent is in the complaints team, which takes escalated complaints. Each has an email address
 * at {@code tierdesk.example} (a domain that never delivers), so that escalations show as emails too; the second
 * supervisor reads them in English, the others in Chinese.
 */
@Component
@ConditionalOnWebApplication // a batch command on a fresh database leaves the accounts to the console's first start
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    /** The demo people who work tickets: every ticket type, Chinese and English; the senior agent takes complaints. */
    private static final Map<String, Set<String>> WORKING_TEAMS = Map.of(
            "agent", Set.of("service"), "senior", Set.of("service", "complaints"), "manager", Set.of("accounts"));
    private static final Set<String> LANGUAGES = Set.of("zh", "en");
    private static final String MAIL_DOMAIN = "@tierdesk.example";

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("agent", "Demo Agent", Role.AGENT, "zh-CN"),
            new DemoUser("senior", "Demo Senior Agent", Role.SENIOR_AGENT, "zh-CN"),
            new DemoUser("manager", "Demo Account Manager", Role.ACCOUNT_MANAGER, "zh-CN"),
            new DemoUser("qa", "Demo QA Inspector", Role.QA, "zh-CN"),
            new DemoUser("supervisor", "Demo Supervisor", Role.SUPERVISOR, "zh-CN"),
            new DemoUser("supervisor2", "Demo Supervisor 2", Role.SUPERVISOR, "en"),
            new DemoUser("admin", "Demo Administrator", Role.ADMIN, "zh-CN"));

    private final UserAccounts accounts;
    private final People people;
    private final AuditLog audit;
    private final SecuritySettings settings;
    private final TransactionOperations transactions;
    private final SecureRandom random = new SecureRandom();

    DemoUsers(UserAccounts accounts, People people, AuditLog audit, SecuritySettings settings,
              TransactionOperations transactions) {
        this.accounts = accounts;
        this.people = people;
        this.audit = audit;
        this.settings = settings;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (settings.demoUsers()) {
            announce(createIfNoAccounts(settings.initialCredentialsFile()), settings.initialCredentialsFile());
        }
    }

    /**
     * Creates the accounts and writes their passwords to the file, without logging them: only a real start shows
     * them ({@link #run}), so that a test creating them leaves no passwords in its log.
     *
     * @return the created accounts with their passwords; empty when any account already existed
     */
    List<Credentials> createIfNoAccounts(Path credentialsFile) throws IOException {
        List<Credentials> created;
        try {
            created = transactions.execute(status -> accounts.none() ? createAll() : List.of());
        } catch (DuplicateKeyException another) {
            log.info("Demo accounts were created by another instance starting at the same time");
            return List.of();
        }
        if (created.isEmpty()) {
            return created;
        }
        writeOwnerOnly(credentialsFile, table(created));
        return created;
    }

    private static void announce(List<Credentials> created, Path credentialsFile) {
        if (created.isEmpty()) {
            return;
        }
        log.warn("""

                ==================== TierDesk demo accounts (shown once) ====================
                {}
                Store these passwords now: they are not shown again.
                A copy, readable only by this system user, is in {}
                Delete that file once the passwords are safe elsewhere.
                =============================================================================""",
                table(created), credentialsFile.toAbsolutePath().normalize());
    }

    private List<Credentials> createAll() {
        var created = new ArrayList<Credentials>();
        for (DemoUser user : USERS) {
            String password = newPassword();
            accounts.create(user.username(), user.displayName(), password, user.role());
            audit.record("system", "DEMO_USER_CREATED", "user:" + user.username(), "role=" + user.role());
            Set<String> teams = WORKING_TEAMS.get(user.username());
            StaffingChange staffing = teams == null ? StaffingChange.NONE
                    : new StaffingChange(teams, Set.copyOf(people.ticketTypes()), LANGUAGES, null, false);
            people.change(user.username(), null, null, staffing,
                    new ContactChange(user.username() + MAIL_DOMAIN, user.language()), "system");
            created.add(new Credentials(user.username(), user.role(), password));
        }
        return created;
    }

    private String newPassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String table(List<Credentials> created) {
        var text = new StringBuilder(String.format("%-12s %-16s %s%n", "username", "role", "password"));
        created.forEach(user -> text.append(String.format("%-12s %-16s %s%n", user.username(), user.role(), user.password())));
        return text.toString().stripTrailing();
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(target);
            target.toFile().setReadable(false, false);
            target.toFile().setReadable(true, true);
            target.toFile().setWritable(false, false);
            target.toFile().setWritable(true, true);
        }
        Files.writeString(target, content + System.lineSeparator(), StandardCharsets.UTF_8);
    }

    /** @param language the language the person reads their emails in */
    private record DemoUser(String username, String displayName, Role role, String language) {
    }

    record Credentials(String username, Role role, String password) {

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", role=" + role + ", password=<hidden>]";
        }
    }
}
