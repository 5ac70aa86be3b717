package com.tierdesk.cli;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

/** This context executes no background tasks, so only the command refreshes. */
@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
class ActivityCommandTests {

    @Autowired
    ObjectProvider<ActivityCommand> commands;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    CustomerActivity activity;

    @Autowired
    JdbcClient jdbc;

    final StringWriter out = new StringWriter();
    Locale before;

    @BeforeEach
    void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    private int run(String... args) {
        CommandLine root = new CommandLine(new TierDeskCommand()).addSubcommand(commands.getObject());
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(out, true));
        return root.execute(args);
    }

    @Test
    void saysWhatTheRefreshDidChangesANewMonthOrARebuild() {
        activity.refresh();
        String code = customers.create(aCustomer().build()).code();
        orders.upsert(anOrder(code).amount("42.00").paidOn(activity.today().minusMonths(1)).build());

        assertThat(run("activity")).isZero();
        assertThat(out.toString()).contains("1 changed customers computed again, 1 rows written in");

        jdbc.sql("UPDATE customer_activity_state SET window_month = DATE '2020-01-01'").update();
        assertThat(run("activity")).isZero();
        assertThat(out.toString()).contains("moved to the window of " + activity.window(activity.today()).month()
                + ": every customer's window summed from the monthly figures");

        assertThat(run("activity", "--rebuild")).isZero();
        assertThat(out.toString()).contains("rebuilt from every order and interaction");
        assertThat(run("activity")).isZero();
        assertThat(out.toString()).contains("The activity figures are current");
    }
}
