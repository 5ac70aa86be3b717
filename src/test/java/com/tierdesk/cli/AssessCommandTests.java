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
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.BusinessTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import picocli.CommandLine;

@SpringBootTest
class AssessCommandTests {

    @Autowired
    ObjectProvider<AssessCommand> commands;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    BusinessTime time;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine root = new CommandLine(new TierDeskCommand()).addSubcommand(commands.getObject());
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(out, true));
        return root.execute(args);
    }

    private Customer paidOn(LocalDate day, String amount) {
        Customer customer = customers.create(aCustomer().build());
        orders.upsert(anOrder(customer.code()).amount(amount)
                .paidAt(time.startOf(day).plusSeconds(36_000).toString()).build());
        return customer;
    }

    @Test
    void aSegmentCriterionItDoesNotKnowIsNamedInTheLanguageOfTheCommandLine() {
        String supervisor = new TestAccounts(accounts, tokens).person(Role.SUPERVISOR).username();
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(run("assess", "--as-of", time.today().toString(), "--segment", "colour=red", "--by", supervisor))
                    .isEqualTo(2);
            assertThat(out.toString()).contains("--segment colour=red: 未知条件（tier, code, industry, region, owner, tag）");
            Locale.setDefault(Locale.ENGLISH);
            assertThat(run("assess", "--as-of", time.today().toString(), "--segment", "tier", "--by", supervisor))
                    .isEqualTo(2);
            assertThat(out.toString()).contains("--segment tier: expected NAME=VALUE[,VALUE...]");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aModelThatIsNotAnIdIsNamedInTheLanguageOfTheCommandLine() {
        String supervisor = new TestAccounts(accounts, tokens).person(Role.SUPERVISOR).username();
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(run("assess", "--as-of", time.today().toString(), "--model", "默认", "--by", supervisor)).isEqualTo(2);
            assertThat(out.toString()).contains("--model 默认：应为“模型编号”或“模型编号:版本”");
            Locale.setDefault(Locale.ENGLISH);
            assertThat(run("assess", "--as-of", time.today().toString(), "--model", "3:x", "--by", supervisor)).isEqualTo(2);
            assertThat(out.toString()).contains("--model 3:x: expected a model id or a model id and version");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void printsTheRunAndEachCustomersTierAndWhyInTheReadersLanguage() {
        LocalDate today = time.today();
        Customer lapsed = paidOn(today.minusDays(120), "900.00");
        Customer recent = paidOn(today.minusDays(3), "50.00");
        String segment = "code=" + lapsed.code() + "," + recent.code();
        String supervisor = new TestAccounts(accounts, tokens).person(Role.SUPERVISOR).username();

        assertThat(run("assess", "--as-of", today.toString(), "--segment", segment, "--lang", "en", "--by", supervisor)).isZero();
        assertThat(out.toString()).containsPattern("Run [0-9]+: Awaiting approval, as of " + today)
                .contains("Customer codes: " + lapsed.code() + ", " + recent.code())
                .contains("Population ").contains(", assessed 2")
                .containsPattern(lapsed.code() + " +[0-9.]+ +[A-Za-z]+ → Watch +Churn rule \\(120 days without a paid order, "
                        + "churn limit 90\\)")
                .containsPattern(recent.code() + " +[0-9.]+ +Watch → Watch +Graded \\(below 50\\)")
                .contains("Awaiting approval by a supervisor other than ");

        out.getBuffer().setLength(0);
        assertThat(run("assess", "--as-of", today.toString(), "--segment", segment, "--lang", "zh-CN", "--by", supervisor)).isZero();
        assertThat(out.toString()).containsPattern("评估 [0-9]+：待审批，评估日期 " + today)
                .contains("流失规则（120 天无付款订单，流失期限 90 天）").contains("以外的主管批准");
    }
}
