package com.tierdesk.customer;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.tierdesk.EnglishAnswers;
import com.tierdesk.shared.SettableTime;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The data hub reads the time and the business day from the business time, nowhere else. This context executes no
 * background tasks: it would otherwise run other tests' work on a stopped clock.
 */
@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@AutoConfigureMockMvc
@WithMockUser(roles = "AGENT")
@Import({SettableTime.class, EnglishAnswers.class})
class CustomerBusinessTimeTests {

    /** 01:00 on 1 April 2026 in Shanghai, still 31 March in UTC. */
    static final Instant NOW = Instant.parse("2026-03-31T17:00:00Z");

    @Autowired
    SettableTime.SettableClock clock;

    @Autowired
    Customers customers;

    @Autowired
    CustomerActivity activity;

    @Autowired
    CustomerImports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @TempDir
    Path dir;

    @BeforeEach
    void setTheTime() {
        clock.set(NOW);
    }

    @Test
    void todayIsTheBusinessDay() {
        assertThat(activity.today()).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void customersAreStampedWithTheBusinessTime() {
        Customer customer = customers.create(aCustomer().build());

        assertThat(customer.createdAt()).isEqualTo(NOW);
        clock.set(NOW.plusSeconds(60));
        assertThat(customers.update(customer.code(), 0, aCustomer().code(customer.code()).name("李四").build()).updatedAt())
                .isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void anImportedBirthdayIsInTheFutureAfterTheBusinessDay() {
        CustomerFixture f = new CustomerFixture(dir, imports, jdbc);

        ImportReport report = f.run(ImportKind.CUSTOMERS, f.file("birthdays.csv", """
                code,name,birthday
                {p}B1,Today,2026-04-01
                {p}B2,Tomorrow,2026-04-02
                """));

        assertThat(report.problems()).extracting(RowProblem::line, RowProblem::field, problem -> problem.reason().toString())
                .containsExactly(tuple(3L, "birthday", "must not be in the future"));
    }

    @Test
    void thePurchaseHistoryIsAsOfTheBusinessMonth() throws Exception {
        Customer customer = customers.create(aCustomer().build());

        mvc.perform(get("/api/v1/customers/{code}/purchase-history", customer.code()))
                .andExpect(jsonPath("$.asOf").value("2026-04"));
    }
}
