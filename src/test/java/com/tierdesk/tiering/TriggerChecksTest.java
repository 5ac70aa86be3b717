package com.tierdesk.tiering;

import com.tierdesk.shared.SettableTime;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The application as the daily-check tests see it: business time that a test sets,
 * one-customer trigger runs published without a supervisor, and a catch-up allowance of two warnings a day. The
 * tests run the checks on dates years back, before any other test's orders, so that only their own customers lapse
 * or drop and only their own runs cover the cadence dates; after each test its runs have finished ({@link ChecksAftermath}).
 * The context closes after its test class: its background task scheduler would otherwise go on executing other tests'
 * runs on a clock that stands still. On H2 it has an in-memory database of its own, since closing the context closes
 * the database under the other test contexts; on PostgreSQL it shares the suite's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"tierdesk.tiering.auto-publish-trigger-runs=true", "tierdesk.tiering.churn-catch-up-per-day=2",
        "spring.datasource.url=${SPRING_DATASOURCE_URL:jdbc:h2:mem:tierdesk-checks-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE}"})
@AutoConfigureMockMvc
@Import(SettableTime.class)
@ExtendWith(ChecksAftermath.class)
@DirtiesContext
public @interface TriggerChecksTest {
}
