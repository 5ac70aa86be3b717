package com.tierdesk.demo;

import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.knowledge.Article;
import com.tierdesk.knowledge.Articles;
import com.tierdesk.knowledge.ReplyTemplates;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.ticket.PastReturns;
import com.tierdesk.ticket.PastTicket;
import com.tierdesk.ticket.PastTickets;
import com.tierdesk.tiering.AssessmentRequest;
import com.tierdesk.tiering.AssessmentRun;
import com.tierdesk.tiering.Assessments;
import com.tierdesk.tiering.IndustryGrowth;
import com.tierdesk.tiering.RunDecisions;
import com.tierdesk.tiering.TriggerKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with demo data at start, so that a first run shows a living shop: customers, orders
 * and interactions, an industry growth table, a first grading, approved and published, so that every customer has
 * a tier and an explanation, three months of tickets under those tiers, the last days' still open, returns in every
 * state of the RMA board with their tickets, and a knowledge base with quick replies.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "tierdesk.demo.enabled", havingValue = "true")
class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    static final String LOADER = "demo-data";
    static final String APPROVER = "system";
    private static final int TICKET_BATCH = 100;

    private final DemoData demoData;
    private final Customers customers;
    private final CustomerActivity activity;
    private final IndustryGrowth industryGrowth;
    private final Assessments assessments;
    private final RunDecisions decisions;
    private final DemoDataSettings settings;
    private final PastTickets pastTickets;
    private final CustomerOrders orders;
    private final PastReturns pastReturns;
    private final Articles articles;
    private final ReplyTemplates templates;
    private final BusinessTime time;

    DemoDataSeeder(DemoData demoData, Customers customers, CustomerActivity activity, IndustryGrowth industryGrowth,
            Assessments assessments, RunDecisions decisions, DemoDataSettings settings, PastTickets pastTickets,
            CustomerOrders orders, PastReturns pastReturns, Articles articles, ReplyTemplates templates,
            BusinessTime time) {
        this.pastTickets = pastTickets;
        this.orders = orders;
        this.pastReturns = pastReturns;
        this.articles = articles;
        this.templates = templates;
        this.time = time;
        this.demoData = demoData;
        this.customers = customers;
        this.activity = activity;
        this.industryGrowth = industryGrowth;
        this.assessments = assessments;
        this.decisions = decisions;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (customers.count() > 0) {
            return;
        }
        log.info("Empty database: loading demo data ({} customers, about {} orders each)",
                settings.customers(), settings.ordersPerCustomer());
        LocalDate today = activity.today();
        var spec = new DemoDataSpec(settings.customers(), settings.ordersPerCustomer(), today, settings.seed());
        var reports = demoData.load(spec, done -> { }, (rows, bytes, total) -> { });
        reports.forEach(report -> log.info("Demo {}: {} created, {} rejected in {} ms", report.kind(),
                report.created(), report.rejected(), report.took().toMillis()));
        for (DemoVocabulary.Industry industry : DemoVocabulary.INDUSTRIES) {
            BigDecimal growth = new BigDecimal(industry.growthPercent());
            industryGrowth.put(industry.code(), today.getYear() - 1, growth.subtract(BigDecimal.ONE), "demo figures", LOADER);
            industryGrowth.put(industry.code(), today.getYear(), growth, "demo figures", LOADER);
        }
        AssessmentRun run = assessments.run(new AssessmentRequest(today, null, null, null), TriggerKind.MANUAL,
                "first grading of the demo data", LOADER);
        decisions.approve(run.id(), APPROVER, "first grading of the demo data");
        AssessmentRun published = decisions.publish(run.id());
        log.info("Demo grading: run {} {}, {}", published.id(), published.status(), published.summary().distribution());
        loadTickets();
        loadReturns();
        loadKnowledge();
    }

    /** Three months of tickets under the tiers just published, loaded a batch per transaction. */
    private void loadTickets() {
        long started = System.nanoTime();
        List<PastTicket> all = new DemoTicketGenerator(settings.seed(), settings.customers(), time.now(), time.zone())
                .tickets(settings.tickets());
        for (int from = 0; from < all.size(); from += TICKET_BATCH) {
            pastTickets.load(all.subList(from, Math.min(all.size(), from + TICKET_BATCH)));
        }
        log.info("Demo tickets: {} over the last {} days in {} ms", all.size(), DemoTicketGenerator.HISTORY.toDays(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** A return in each state of the RMA board, each with an order of its own, its ticket and its past. */
    private void loadReturns() {
        List<DemoReturnGenerator.DemoReturn> all = new DemoReturnGenerator(settings.customers(), time.now()).returns();
        all.forEach(demoReturn -> orders.upsert(demoReturn.order()));
        pastReturns.load(all.stream().map(DemoReturnGenerator.DemoReturn::past).toList());
        log.info("Demo returns: {}", all.size());
    }

    /** The knowledge base's articles, most of them published, and the quick replies. */
    private void loadKnowledge() {
        for (DemoKnowledge.DemoArticle demo : DemoKnowledge.ARTICLES) {
            Article article = articles.create(demo.draft(), DemoReturnGenerator.SUPERVISOR);
            if (demo.published()) {
                articles.publish(article.id(), article.version(), DemoReturnGenerator.SUPERVISOR);
            }
        }
        DemoKnowledge.TEMPLATES.forEach(template -> templates.create(template, DemoReturnGenerator.SUPERVISOR));
        log.info("Demo knowledge base: {} articles, {} quick replies", DemoKnowledge.ARTICLES.size(),
                DemoKnowledge.TEMPLATES.size());
    }
}
