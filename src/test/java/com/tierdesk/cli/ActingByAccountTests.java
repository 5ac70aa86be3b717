package com.tierdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.EnglishAnswers;
import com.tierdesk.customer.Consent;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerDraft;
import com.tierdesk.customer.CustomerKind;
import com.tierdesk.customer.Customers;
import com.tierdesk.security.ApiTokens;
import com.tierdesk.security.AuditEvent;
import com.tierdesk.security.AuditLog;
import com.tierdesk.security.IssuedToken;
import com.tierdesk.security.Role;
import com.tierdesk.security.TestAccounts;
import com.tierdesk.security.UserAccount;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.tiering.Assessments;
import com.tierdesk.tiering.RunId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import picocli.CommandLine;

/**
 * The command line acts {@code --by} a real, enabled account with the role the work needs, audits every command
 * under that account, and a run it starts is that account's run in every other channel too.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EnglishAnswers.class)
class ActingByAccountTests {

    @Autowired
    ObjectProvider<AssessCommand> assess;

    @Autowired
    ObjectProvider<PublishCommand> publish;

    @Autowired
    ObjectProvider<ModelCommand> model;

    @Autowired
    ObjectProvider<TokenCommand> token;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuditLog audit;

    @Autowired
    Assessments assessments;

    @Autowired
    Customers customers;

    @Autowired
    CustomerActivity activity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @TempDir
    Path dir;

    TestAccounts testAccounts;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void setUp() {
        testAccounts = new TestAccounts(accounts, tokens);
    }

    @Test
    void aRunStartedFromTheCommandLineIsNotApprovedWithTheSameAccountsToken() throws Exception {
        UserAccount admin = testAccounts.person(Role.ADMIN);
        IssuedToken adminsToken = testAccounts.token(admin, Role.ADMIN);
        IssuedToken otherSupervisor = testAccounts.token(testAccounts.person(Role.SUPERVISOR), Role.SUPERVISOR);

        int exit = run(assess.getObject(), "assess", "--as-of", activity.today().toString(), "--segment", "code=" + aCustomer(),
                "--by", admin.username(), "--lang", "en");

        assertThat(exit).as(err.toString()).isZero();
        Matcher started = Pattern.compile("Run (\\d+): Awaiting approval").matcher(out.toString());
        assertThat(started.find()).as(out.toString()).isTrue();
        long run = Long.parseLong(started.group(1));
        assertThat(assessments.get(RunId.of(run)).startedBy()).isEqualTo(admin.username());
        mvc.perform(post("/api/v1/tiering/runs/{id}/approve", run).header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(adminsToken))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[*].field", hasItem("approver")));
        mvc.perform(post("/api/v1/tiering/runs/{id}/approve", run).header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(otherSupervisor))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk());
        assertThat(commandLineEntries(admin)).singleElement().satisfies(entry -> {
            assertThat(entry.subject()).isEqualTo("tierdesk assess");
            assertThat(entry.detail()).contains("assess --as-of", "--by " + admin.username());
        });
    }

    @Test
    void byMustNameAnEnabledAccountWithTheRoleTheWorkNeeds() throws Exception {
        UserAccount agent = testAccounts.person(Role.AGENT);
        UserAccount gone = testAccounts.person(Role.SUPERVISOR);
        accounts.change(gone.username(), null, false, "tester");
        long runsBefore = count("assessment_run");
        String today = activity.today().toString();

        assertThat(run(assess.getObject(), "assess", "--as-of", today, "--by", "nobody-" + UUID.randomUUID())).isEqualTo(3);
        assertThat(err.toString()).contains("--by: no account named 'nobody-");
        assertThat(run(assess.getObject(), "assess", "--as-of", today, "--by", gone.username())).isEqualTo(3);
        assertThat(err.toString()).contains("--by: account '" + gone.username() + "' is disabled");
        assertThat(run(assess.getObject(), "assess", "--as-of", today, "--by", agent.username())).isEqualTo(3);
        assertThat(err.toString()).contains("--by: account '" + agent.username() + "' is AGENT; tierdesk assess needs SUPERVISOR");
        assertThat(run(publish.getObject(), "publish", "1", "--by", agent.username())).isEqualTo(3);
        Path definition = Files.writeString(dir.resolve("model.json"), "{}");
        assertThat(run(model.getObject(), "model", definition.toString(), "--by", agent.username())).isEqualTo(3);
        assertThat(run(assess.getObject(), "assess", "--as-of", today, "--by", "bell\u0007")).isEqualTo(3);
        assertThat(err.toString()).contains("--by: must not contain control characters");

        assertThat(count("assessment_run")).isEqualTo(runsBefore);
        assertThat(commandLineEntries(agent)).isEmpty();
        assertThat(commandLineEntries(gone)).isEmpty();
    }

    @Test
    void tokenIssuesATokenForAnAccountByAnAdministratorAndRecordsBoth() {
        UserAccount admin = testAccounts.person(Role.ADMIN);
        UserAccount supervisor = testAccounts.person(Role.SUPERVISOR);
        UserAccount erp = testAccounts.service(Role.AGENT);

        assertThat(run(token.getObject(), "token", "--account", erp.username(), "--name", "orders feed", "--role", "AGENT",
                "--valid-for", "P90D", "--by", admin.username())).as(err.toString()).isZero();
        assertThat(out.toString().strip()).matches("tdk_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}");
        assertThat(tokens.list()).filteredOn(issued -> issued.account().equals(erp.username())).singleElement()
                .satisfies(issued -> {
                    assertThat(issued.createdBy()).isEqualTo(admin.username());
                    assertThat(issued.expiresAt()).isNotNull();
                });
        assertThat(commandLineEntries(admin)).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains("--account " + erp.username()));

        assertThat(run(token.getObject(), "token", "--account", erp.username(), "--name", "too strong", "--role", "SUPERVISOR",
                "--by", admin.username())).isEqualTo(2);
        assertThat(err.toString()).contains("--role: must not be higher than the role of account");
        assertThat(run(token.getObject(), "token", "--account", erp.username(), "--name", "by a supervisor", "--role", "AGENT",
                "--by", supervisor.username())).isEqualTo(3);
        assertThat(run(token.getObject(), "token", "--account", erp.username(), "--name", "scrape", "--scope", "METRICS",
                "--by", admin.username())).isZero();
        assertThat(tokens.list()).filteredOn(issued -> issued.account().equals(erp.username())).hasSize(2);
    }

    private int run(Object command, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine root = new CommandLine(new TierDeskCommand()).addSubcommand(command);
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(err, true));
        return root.execute(args);
    }

    private List<AuditEvent> commandLineEntries(UserAccount account) {
        return audit.recent(200).stream()
                .filter(event -> event.actor().equals(account.username()) && event.action().equals("COMMAND_LINE"))
                .toList();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private String aCustomer() {
        String code = "CLI-" + UUID.randomUUID().toString().substring(0, 12);
        customers.create(new CustomerDraft(code, "命令行 " + code, CustomerKind.COMPANY, "retail", null, null, null, null,
                null, LocalDate.of(2024, 1, 1), null, null, Consent.NONE, List.of()));
        return code;
    }
}
