package com.tierdesk.tiering.web;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.tiering.AssessmentRequest;
import com.tierdesk.tiering.AssessmentRun;
import com.tierdesk.tiering.AssessmentResults;
import com.tierdesk.tiering.Assessments;
import com.tierdesk.tiering.RunDecisions;
import com.tierdesk.tiering.RunId;
import com.tierdesk.tiering.RunStatus;
import com.tierdesk.tiering.Segment;
import com.tierdesk.tiering.TriggerKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What the tiering console tests share: signed-in people, pages as text, buyers to assess, runs to wait for. */
@SpringBootTest
@AutoConfigureMockMvc
abstract class ConsoleTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    Assessments assessments;

    @Autowired
    RunDecisions decisions;

    @Autowired
    AssessmentResults results;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    CustomerActivity activity;

    static RequestPostProcessor as(String name, String role) {
        return user(name).roles(role);
    }

    /** The page's HTML; fails unless the answer is 200. */
    String html(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8).strip();
    }

    /**
     * A customer with paid orders of the given amounts, one a month in the months before this one (the metrics'
     * window), the latest in the last month, so that no churn rule applies.
     */
    Customer aBuyer(String... amounts) {
        Customer customer = customers.create(aCustomer().owner("am.console").build());
        YearMonth month = YearMonth.from(activity.today());
        for (int i = 0; i < amounts.length; i++) {
            orders.upsert(anOrder(customer.code()).amount(amounts[i]).paidOn(month.minusMonths(1L + i).atDay(10)).build());
        }
        return customer;
    }

    /** A run over the customers, scored in this thread and waiting for approval. */
    AssessmentRun assessed(String startedBy, Customer... segment) {
        return assessments.run(new AssessmentRequest(activity.today(), null, null,
                Segment.ofCodes(List.of(segment).stream().map(Customer::code).toList())), TriggerKind.MANUAL, null, startedBy);
    }

    /** Waits for the background work on the run until the run satisfies the condition. */
    AssessmentRun await(RunId run, Predicate<AssessmentRun> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            AssessmentRun found = assessments.get(run);
            if (condition.test(found)) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + run + " did not get there within 30 s: " + assessments.get(run).status());
    }

    static Predicate<AssessmentRun> in(RunStatus status) {
        return run -> run.status() == status;
    }
}
