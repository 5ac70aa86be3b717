package com.tierdesk;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.Customers;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The pool retires connections (after its idle timeout or their maximum lifetime), among them the one that ran the
 * migrations; the constraints those migrations created keep working in every later connection.
 */
@SpringBootTest
class RetiredConnectionsTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    Customers customers;

    @Test
    void constraintsHoldAfterThePoolRetiredEveryConnection() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        pool.getHikariPoolMXBean().softEvictConnections();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pool.getHikariPoolMXBean().getActiveConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        Customer created = customers.create(aCustomer().build());

        assertThat(customers.find(created.id())).contains(created);
    }
}
