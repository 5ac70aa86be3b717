package com.tierdesk.cli;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.security.ApiTokens;
import com.tierdesk.security.Role;
import com.tierdesk.security.TestAccounts;
import com.tierdesk.security.UserAccount;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.SettableTime.SettableClock;
import com.tierdesk.tiering.Assessments;
import com.tierdesk.tiering.RunId;
import com.tierdesk.tiering.TieringTriggers;
import com.tierdesk.tiering.TriggerChecksTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;

@TriggerChecksTest
class ChecksCommandTests {

    @Autowired
    ObjectProvider<ChecksCommand> commands;

    @Autowired
    SettableClock clock;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    Assessments assessments;

    @Autowired
    TieringTriggers triggers;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Test
    void runsTheChecksAsTheAccountGivenAndSaysWhatTheyFoundInTheReadersLanguage() {
        LocalDate today = LocalDate.of(2003, 10, 8);
        clock.set(today, LocalTime.of(10, 0));
        Customer lapsed = customers.create(aCustomer().owner("am.cli").build());
        orders.upsert(anOrder(lapsed.code()).paidAt(today.minusDays(90).atTime(11, 0).atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant().toString()).build());
        UserAccount supervisor = new TestAccounts(accounts, tokens).person(Role.SUPERVISOR);
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            StringWriter english = new StringWriter();
            assertThat(run(english, "checks", "--by", supervisor.username())).isZero();

            assertThat(english.toString()).contains("Checked for 2003-10-08:")
                    .contains("Cadence run for everybody, due on 2003-07-01 (try 1): Assessment run ")
                    .contains("1 churn warning for lapses that reached the limit");
            Matcher run = Pattern.compile("Assessment run (\\d+)").matcher(english.toString());
            assertThat(run.find()).isTrue();
            assertThat(assessments.get(RunId.of(Long.parseLong(run.group(1)))).startedBy()).isEqualTo(supervisor.username());
            assertThat(triggers.ofCustomer(lapsed.id())).singleElement()
                    .satisfies(trigger -> assertThat(trigger.checkedBy()).isEqualTo(supervisor.username()));

            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            StringWriter chinese = new StringWriter();
            assertThat(run(chinese, "checks", "--by", supervisor.username())).isZero();
            assertThat(chinese.toString()).contains("2003-10-08 的检查结果：").contains("没有到期的定期重评。")
                    .contains("到达流失期限的流失预警：0 条");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void refusesToRunAsAnAccountThatDoesNotExistOrMayNotAndRecordsNothing() {
        LocalDate today = LocalDate.of(2003, 11, 12);
        clock.set(today, LocalTime.of(10, 0));
        UserAccount agent = new TestAccounts(accounts, tokens).person(Role.AGENT);

        StringWriter nobody = new StringWriter();
        assertThat(run(nobody, "checks", "--by", "nobody-" + today)).isEqualTo(ActingAccount.REFUSED);
        StringWriter tooLow = new StringWriter();
        assertThat(run(tooLow, "checks", "--by", agent.username())).isEqualTo(ActingAccount.REFUSED);

        assertThat(nobody.toString()).startsWith("--by: ").doesNotContain("Checked for");
        assertThat(tooLow.toString()).startsWith("--by: ").doesNotContain("Checked for");
        assertThat(triggers.lastCheck().map(TieringTriggers.LastCheck::by))
                .isNotIn(java.util.Optional.of(agent.username()), java.util.Optional.of("nobody-" + today));
    }

    private int run(StringWriter out, String... args) {
        CommandLine root = new CommandLine(new TierDeskCommand()).addSubcommand(commands.getObject());
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(out, true));
        return root.execute(args);
    }
}
