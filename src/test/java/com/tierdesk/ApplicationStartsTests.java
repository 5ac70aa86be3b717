package com.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ApplicationStartsTests {

    @Autowired
    Flyway flyway;

    @Test
    void everyMigrationAppliesOnTheConfiguredDatabase() {
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).extracting(MigrationInfo::getScript)
                .contains("V1__customer_hub.sql", "V2__security_accounts.sql", "V3__customer_search.sql");
    }
}
