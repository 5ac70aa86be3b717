package com.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class ApplicationStartsTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void migrationsCreateTheCustomerHub() {
        Integer customers = jdbc.sql("SELECT COUNT(*) FROM customer").query(Integer.class).single();
        assertThat(customers).isNotNull();
    }
}
