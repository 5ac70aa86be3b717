package com.tierdesk.customer;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every mail taken in looks its sender up among the customers' contact addresses: whatever the case either is written
 * in, and by the index on the lower-cased address on both databases.
 */
@SpringBootTest
class CustomerEmailLookupTests {

    @Autowired
    Customers customers;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aSenderWrittenInUpperCaseMatchesTheContactWrittenInMixedCase() {
        String local = "Li.Lei-" + UUID.randomUUID().toString().substring(0, 8);
        Customer customer = customers.create(aCustomer().email(local + "@Example.COM").build());

        assertThat(customers.findByEmail(local.toUpperCase() + "@EXAMPLE.COM")).get()
                .extracting(Customer::code).isEqualTo(customer.code());
        assertThat(customers.findByEmail(" " + local.toLowerCase() + "@example.com ")).get()
                .extracting(Customer::code).isEqualTo(customer.code());
        assertThat(customers.findByEmail("other-" + local + "@example.com")).isEmpty();
    }

    @Test
    void theLookupReadsTheIndexOnTheLowerCasedAddress() throws SQLException {
        boolean postgres;
        try (Connection connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getURL().startsWith("jdbc:postgresql:");
        }
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<String> plan = transaction.execute(status -> {
            if (postgres) {
                // A small test table is cheaper to scan; the question is whether the index serves the lookup at all.
                jdbc.sql("SET LOCAL enable_seqscan = off").update();
            }
            return jdbc.sql("EXPLAIN SELECT c.id FROM customer c WHERE c.email_key = 'li.lei@example.com'")
                    .query(String.class).list();
        });

        assertThat(String.join("\n", plan)).containsIgnoringCase("customer_email_key_idx");
    }
}
