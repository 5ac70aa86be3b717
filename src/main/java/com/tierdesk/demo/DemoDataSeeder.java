package com.tierdesk.demo;

import com.tierdesk.customer.Customers;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Fills an empty database with demo data at start, so that a first run shows a living shop. */
@Component
@Order(10)
@ConditionalOnProperty(name = "tierdesk.demo.enabled", havingValue = "true")
class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final DemoData demoData;
    private final Customers customers;
    private final DemoDataSettings settings;

    DemoDataSeeder(DemoData demoData, Customers customers, DemoDataSettings settings) {
        this.demoData = demoData;
        this.customers = customers;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (customers.count() > 0) {
            return;
        }
        log.info("Empty database: loading demo data ({} customers, about {} orders each)",
                settings.customers(), settings.ordersPerCustomer());
        var spec = new DemoDataSpec(settings.customers(), settings.ordersPerCustomer(), LocalDate.now(), settings.seed());
        var reports = demoData.load(spec, done -> { }, (rows, bytes, total) -> { });
        reports.forEach(report -> log.info("Demo {}: {} created, {} rejected in {} ms", report.kind(),
                report.created(), report.rejected(), report.took().toMillis()));
    }
}
