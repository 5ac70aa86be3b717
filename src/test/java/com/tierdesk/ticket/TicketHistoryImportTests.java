package com.tierdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.tierdesk.EnglishAnswers;
import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportMode;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.customer.ImportRequest;
import com.tierdesk.customer.RowProblem;
import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.SettableTime;
import com.tierdesk.sla.ClockStatus;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.sla.TicketType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@Import({EnglishAnswers.class, SettableTime.class, TicketFixture.class})
class TicketHistoryImportTests {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String HEADER = "external_id,customer_code,type,priority,channel,status,subject,body,"
            + "created_at,first_reply_at,solved_at,closed_at,assignee,tags";

    @Autowired
    CustomerImports imports;

    @Autowired
    Tickets tickets;

    @Autowired
    TicketFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Autowired
    UserAccounts accounts;

    Customer vip;
    String agent;
    String p;

    @BeforeEach
    void customers() {
        vip = fixture.aCustomerIn("VIP");
        agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(agent, agent, "a-long-password", Role.AGENT);
        p = "H" + System.nanoTime() % 1_000_000_000L + "x" + SEQUENCE.incrementAndGet() + "-";
    }

    /** Three tickets: answered in minutes and solved; answered days late and closed (Chinese labels); still open. */
    private List<List<String>> history() {
        String c = vip.code();
        return List.of(
                List.of(p + "1", c, "INQUIRY", "NORMAL", "EMAIL", "", "退款进度查询", "订单 1001 的退款何时到账？",
                        "2026-03-02 10:00", "2026-03-02 10:05", "2026-03-02 11:00", "", agent, "退款;vip"),
                List.of(p + "2", c, "投诉", "高", "电话", "已关闭", "快递员态度恶劣", "",
                        "2026-03-02 10:00", "2026-03-09 10:00", "2026-03-09 12:00", "2026-03-10 09:00", "", "投诉,物流"),
                List.of(p + "3", c, "TECHNICAL_ISSUE", "URGENT", "CHAT", "PENDING_CUSTOMER", "App 无法登录", "",
                        "2026-03-03 09:30", "2026-03-03 09:40", "", "", agent, ""));
    }

    private Path csv(String name, List<List<String>> rows) throws IOException {
        var text = new StringBuilder(HEADER).append('\n');
        rows.forEach(row -> text.append(String.join(",", row.stream()
                .map(value -> value.contains(",") ? '"' + value + '"' : value).toList())).append('\n'));
        return Files.writeString(dir.resolve(name), text);
    }

    private Path xlsx(String name, List<List<String>> rows) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("工单");
            List<String> header = List.of(HEADER.split(","));
            for (int r = 0; r <= rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> values = r == 0 ? header : rows.get(r - 1);
                for (int c = 0; c < values.size(); c++) {
                    if (!values.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(values.get(c));
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }

    private ImportReport importFile(Path file) {
        return imports.importFile(ImportRequest.of(ImportKind.TICKETS, file), (rows, bytes, total) -> { });
    }

    private Optional<TicketDetail> imported(String externalId) {
        return jdbc.sql("SELECT ticket_id FROM ticket_intake_key WHERE idempotency_key = :key")
                .param("key", "import:" + externalId).query(Long.class).optional()
                .map(id -> tickets.get(TicketId.of(id)));
    }

    private static TargetOutcome firstResponse(TicketDetail ticket) {
        return ticket.targets().stream().filter(target -> target.target() == SlaTarget.FIRST_RESPONSE).findFirst()
                .orElseThrow();
    }

    @Test
    void importsATicketHistoryWithItsTargetsAndOutcomes() throws IOException {
        try (ImportReport report = importFile(csv("tickets.csv", history()))) {
            assertThat(report.problems().page(0, 10)).isEmpty();
            assertThat(report.committed()).isTrue();
            assertThat(report.created()).isEqualTo(3);
        }
        assertImported();
    }

    private void assertImported() {
        TicketDetail solved = imported(p + "1").orElseThrow();
        assertThat(solved.ticket().status()).isEqualTo(TicketStatus.SOLVED);
        assertThat(solved.ticket().createdAt()).isEqualTo(Instant.parse("2026-03-02T02:00:00Z"));
        assertThat(solved.ticket().solvedAt()).isEqualTo(Instant.parse("2026-03-02T03:00:00Z"));
        assertThat(solved.ticket().tier()).isEqualTo("VIP");
        assertThat(solved.ticket().assignee()).isEqualTo(agent);
        assertThat(solved.ticket().tags()).containsExactly("退款", "vip");
        assertThat(solved.messages()).extracting(TicketMessage::body)
                .containsExactly("订单 1001 的退款何时到账？", TicketHistoryImport.FIRST_REPLY_BODY);
        assertThat(firstResponse(solved).status()).isEqualTo(ClockStatus.MET);

        TicketDetail late = imported(p + "2").orElseThrow();
        assertThat(late.ticket().subject()).isEqualTo("快递员态度恶劣");
        assertThat(late.ticket().type()).isEqualTo(TicketType.COMPLAINT);
        assertThat(late.ticket().priority()).isEqualTo(Priority.HIGH);
        assertThat(late.ticket().channel()).isEqualTo(IntakeChannel.PHONE);
        assertThat(late.ticket().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(firstResponse(late).status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(firstResponse(late).achievedAt()).isEqualTo(Instant.parse("2026-03-09T02:00:00Z"));

        TicketDetail pending = imported(p + "3").orElseThrow();
        assertThat(pending.ticket().status()).isEqualTo(TicketStatus.PENDING_CUSTOMER);
        assertThat(pending.ticket().priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void badRowsAreReportedWithFieldAndReasonAndNothingIsWritten() throws IOException {
        List<List<String>> rows = List.of(history().get(0),
                List.of(p + "x1", p + "NOBODY", "INQUIRY", "NORMAL", "EMAIL", "", "查询", "", "2026-03-02 10:00", "",
                        "", "", "", ""),
                List.of(p + "x2", vip.code(), "INQUIRY", "NORMAL", "EMAIL", "SOLVED", "查询", "", "2026-03-02 10:00",
                        "", "2026-03-01 10:00", "", "", ""),
                List.of(p + "x3", vip.code(), "INQUIRY", "sometimes", "EMAIL", "", "查询", "", "2026-03-02 10:00",
                        "", "", "", "nobody-" + p, ""));

        try (ImportReport report = importFile(csv("bad.csv", rows))) {
            assertThat(report.committed()).isFalse();
            assertThat(report.rejected()).isEqualTo(3);
            assertThat(report.problems().page(0, 10)).extracting(RowProblem::line, RowProblem::field,
                    problem -> problem.reason().code()).containsExactly(
                    tuple(3L, "customer_code", "problem.import.no-customer"),
                    tuple(4L, "solved_at", "problem.import.ticket.before"),
                    tuple(5L, "priority", "problem.with-value"));
        }
        assertThat(imported(p + "1")).isEmpty();
        assertThat(imported(p + "x2")).isEmpty();

        try (ImportReport report = imports.importFile(ImportRequest.of(ImportKind.TICKETS, csv("valid.csv", rows))
                .withMode(ImportMode.VALID_ROWS), (r, b, t) -> { })) {
            assertThat(report.committed()).isTrue();
            assertThat(report.created()).isEqualTo(1);
            assertThat(report.rejected()).isEqualTo(3);
        }
        assertThat(imported(p + "1")).isPresent();
        assertThat(imported(p + "x1")).isEmpty();
    }

    @Test
    void anAssigneeMustBeAnAccount() throws IOException {
        List<String> row = List.of(p + "a1", vip.code(), "INQUIRY", "NORMAL", "EMAIL", "", "查询", "",
                "2026-03-02 10:00", "", "", "", "nobody-" + p, "");

        try (ImportReport report = importFile(csv("assignee.csv", List.of(row)))) {
            assertThat(report.committed()).isFalse();
            assertThat(report.problems().page(0, 10)).extracting(RowProblem::field, problem -> problem.reason().code())
                    .containsExactly(tuple("assignee", "problem.import.ticket.no-account"));
        }
    }

    @Test
    void aRerunCreatesNothingAndAChangedRowIsRefused() throws IOException {
        Path file = csv("tickets.csv", history());
        importFile(file).close();
        long before = jdbc.sql("SELECT COUNT(*) FROM ticket WHERE customer_id = :id").param("id", vip.id().value())
                .query(Long.class).single();

        try (ImportReport again = importFile(file)) {
            assertThat(again.committed()).isTrue();
            assertThat(again.created()).isZero();
            assertThat(again.unchanged()).isEqualTo(3);
        }
        List<List<String>> changed = history().stream().map(row -> row.get(0).equals(p + "1")
                ? List.of(row.get(0), row.get(1), "INQUIRY", "HIGH", "EMAIL", "", "退款进度查询", "",
                "2026-03-02 10:00", "2026-03-02 10:05", "2026-03-02 11:00", "", agent, "") : row).toList();
        try (ImportReport edited = importFile(csv("edited.csv", changed))) {
            assertThat(edited.committed()).isFalse();
            assertThat(edited.problems().page(0, 10)).extracting(RowProblem::line, RowProblem::field,
                    problem -> problem.reason().code())
                    .containsExactly(tuple(2L, "external_id", "problem.import.ticket.already-imported"));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket WHERE customer_id = :id").param("id", vip.id().value())
                .query(Long.class).single()).isEqualTo(before).isEqualTo(3);
        assertThat(imported(p + "1").orElseThrow().ticket().priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void anXlsxTwinImportsTheSame() throws IOException {
        try (ImportReport report = importFile(xlsx("tickets.xlsx", history()))) {
            assertThat(report.problems().page(0, 10)).isEmpty();
            assertThat(report.created()).isEqualTo(3);
        }
        assertImported();
    }

    @Test
    void theFileIsReadThroughAColumnMappingAndConstants() throws IOException {
        Path file = Files.writeString(dir.resolve("mapped.csv"), """
                工单号,客户,类型,主题,创建时间
                %1$sm1,%2$s,咨询,发票下载失败,2026-03-04 15:00
                """.formatted(p, vip.code()));

        try (ImportReport report = imports.importFile(ImportRequest.of(ImportKind.TICKETS, file)
                .withColumnMapping(Map.of("工单号", "external_id", "客户", "customer_code", "类型", "type",
                        "主题", "subject", "创建时间", "created_at"))
                .withConstants(Map.of("priority", "NORMAL", "channel", "WEB_FORM")), (r, b, t) -> { })) {
            assertThat(report.problems().page(0, 10)).isEmpty();
            assertThat(report.created()).isEqualTo(1);
        }
        TicketDetail ticket = imported(p + "m1").orElseThrow();
        assertThat(ticket.ticket().status()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.ticket().channel()).isEqualTo(IntakeChannel.WEB_FORM);
    }
}
