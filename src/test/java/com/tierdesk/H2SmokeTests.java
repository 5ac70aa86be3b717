package com.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.knowledge.ArticleQuery;
import com.tierdesk.knowledge.ArticleStatus;
import com.tierdesk.knowledge.Articles;
import com.tierdesk.knowledge.ReplyTemplates;
import com.tierdesk.security.ApiTokens;
import com.tierdesk.security.NewToken;
import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.sla.ClockStatus;
import com.tierdesk.ticket.ReturnRequest;
import com.tierdesk.ticket.ReturnStatus;
import com.tierdesk.ticket.Returns;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The embedded set-up a newcomer gets: the whole application on a fresh H2 file database, with
 * migrations, demo data (returns and the knowledge base among them), one file import and one API round trip. CI runs it on its own after the
 * PostgreSQL suite.
 */
@Tag("h2-smoke")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:file:./target/h2-smoke/tierdesk-${random.uuid};MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "tierdesk.demo.enabled=true", "tierdesk.demo.customers=300", "tierdesk.demo.orders-per-customer=6"})
class H2SmokeTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    Flyway flyway;

    @Autowired
    Customers customers;

    @Autowired
    CustomerImports imports;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Returns returns;

    @Autowired
    Articles articles;

    @Autowired
    ReplyTemplates templates;

    @Autowired
    UserAccounts accounts;

    @TempDir
    Path files;

    @Test
    void startsOnAnEmbeddedH2FileWithEveryMigrationAndTheDemoData() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).startsWith("jdbc:h2:file:");
        }
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).isNotEmpty();
        assertThat(customers.count()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void theDemoDataHasReturnsInEveryStateWithTheirTicketsAndAKnowledgeBase() {
        List<ReturnRequest> board = returns.board(List.of());
        assertThat(board).extracting(ReturnRequest::status).contains(ReturnStatus.REQUESTED, ReturnStatus.RECEIVED,
                ReturnStatus.REFUNDED, ReturnStatus.REJECTED, ReturnStatus.EXCHANGED);
        assertThat(board).allSatisfy(rma -> assertThat(rma.ticket()).isNotNull());
        assertThat(board).extracting(rma -> rma.decisionStatus(returns.now()))
                .contains(ClockStatus.ON_TRACK, ClockStatus.AT_RISK, ClockStatus.BREACHED, ClockStatus.MET);
        assertThat(board).extracting(ReturnRequest::decisionDueAt).as("the earliest deadline first").isSorted();

        assertThat(articles.search(new ArticleQuery("", null, null, 100))).hasSizeGreaterThanOrEqualTo(20);
        assertThat(articles.search(new ArticleQuery("", null, ArticleStatus.DRAFT, 100))).isNotEmpty();
        assertThat(articles.search(ArticleQuery.published("退货", 5))).isNotEmpty();
        assertThat(templates.list(null)).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void importsACustomerFile() throws Exception {
        CustomerFixture f = new CustomerFixture(files, imports, null);
        Path file = f.file("customers.csv", "code,name,kind,phone\n{p}SMK,烟雾测试客户,PERSON,13800001111\n");

        ImportReport report = f.run(ImportKind.CUSTOMERS, file);

        assertThat(report.committed()).isTrue();
        assertThat(report.created()).isEqualTo(1);
        assertThat(customers.get(f.p + "SMK").name()).isEqualTo("烟雾测试客户");
    }

    @Test
    void storesAndReadsACustomerThroughTheApiWithAToken() throws Exception {
        String integration = accounts.createServiceAccount("smoke-" + UUID.randomUUID().toString().substring(0, 8),
                "Smoke test", Role.SUPERVISOR, "smoke").username();
        String token = tokens.issue(NewToken.api(integration, "smoke test", Role.SUPERVISOR, null), "smoke").plaintext();
        String code = "API" + UUID.randomUUID().toString().substring(0, 8);
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port + "/api/v1/customers/" + code;

        HttpResponse<String> stored = http.send(HttpRequest.newBuilder(URI.create(base))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Smoke Test Ltd\",\"kind\":\"COMPANY\",\"email\":\"ops@smoke.example.com\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(base))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(stored.statusCode()).as(stored.body()).isIn(200, 201);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"code\":\"" + code + "\"").contains("Smoke Test Ltd");
    }
}
