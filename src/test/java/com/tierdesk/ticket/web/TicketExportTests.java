package com.tierdesk.ticket.web;

import static com.tierdesk.shared.ExportedFile.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;
import com.tierdesk.shared.ExportedFile;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.TicketType;
import com.tierdesk.ticket.IntakeChannel;
import com.tierdesk.ticket.Requester;
import com.tierdesk.ticket.TicketDetail;
import com.tierdesk.ticket.TicketDraft;
import com.tierdesk.ticket.TicketFixture;
import com.tierdesk.ticket.Tickets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Ticket queues and the API's ticket list exported: the rows the filters match, every page, only for those who may see them. */
@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@AutoConfigureMockMvc
@Import(TicketFixture.class)
class TicketExportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Tickets tickets;

    @Autowired
    TicketFixture fixture;

    @Test
    void anAgentExportsEveryPageOfTheirFilteredQueue() throws Exception {
        String agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        Customer vip = fixture.aCustomerIn("VIP");
        Customer regular = fixture.aCustomerIn("REGULAR");
        // Inquiries of a regular customer fall due after other tests' VIP complaints: those keep their queue's first page.
        List<Long> inquiries = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            inquiries.add(open(regular, TicketType.INQUIRY, agent));
        }
        long complaint = open(vip, TicketType.COMPLAINT, agent);
        open(regular, TicketType.INQUIRY, "somebody-else");

        var rows = ExportedFile.csv(mvc.perform(get("/tickets").param("type", "INQUIRY").param("format", "csv")
                        .with(as(agent, "AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());

        int id = column(rows.get(0), "编号");
        assertThat(rows.stream().skip(1).map(row -> Long.parseLong(row.get(id))).toList())
                .as("all 22 of the agent's inquiries, not the first page's 20, in the queue's order")
                .containsExactlyElementsOf(inquiries).doesNotContain(complaint);
        List<String> first = rows.get(1);
        assertThat(first.get(column(rows.get(0), "主题"))).isEqualTo("发票问题");
        assertThat(first.get(column(rows.get(0), "类型"))).isEqualTo("咨询");
        assertThat(first.get(column(rows.get(0), "渠道"))).isEqualTo("邮件");
    }

    @Test
    void aSupervisorExportsEverybodysQueueAsAWorkbookAndAnAgentMayNot() throws Exception {
        Customer vip = fixture.aCustomerIn("VIP");
        long nobodys = open(vip, TicketType.COMPLAINT, null);

        var rows = ExportedFile.xlsx(mvc.perform(get("/tickets/unassigned").param("tier", "VIP").param("format", "xlsx")
                        .param("lang", "en").with(as("wang", "SUPERVISOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());

        List<Cell> header = rows.get(0);
        List<Cell> row = rows.stream().skip(1)
                .filter(r -> r.get(column(header, "No.")).getNumericCellValue() == nobodys)
                .findFirst().orElseThrow(() -> new AssertionError("the unassigned ticket is exported"));
        assertThat(row.get(column(header, "No.")).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(row.get(column(header, "Subject")).getStringCellValue()).isEqualTo("商品破损投诉");
        assertThat(DateUtil.isCellDateFormatted(row.get(column(header, "Next target due")))).isTrue();
        assertThat(DateUtil.isCellDateFormatted(row.get(column(header, "Opened")))).isTrue();
        assertThat(rows.stream().skip(1).map(r -> r.get(column(header, "Tier")).getStringCellValue()))
                .containsOnly("VIP");

        for (String path : List.of("/tickets/all", "/tickets/unassigned")) {
            mvc.perform(get(path).param("format", "csv").with(as("agent", "AGENT"))).andExpect(status().isForbidden());
        }
    }

    @Test
    void theApiExportsItsTicketListWithTheSameFilters() throws Exception {
        Customer customer = fixture.aCustomerIn("REGULAR");
        long inquiry = open(customer, TicketType.INQUIRY, null);
        open(customer, TicketType.COMPLAINT, null);

        var rows = ExportedFile.csv(mvc.perform(get("/api/v1/tickets").param("customer", customer.code())
                        .param("type", "INQUIRY").param("format", "CSV").header("Accept-Language", "en")
                        .with(as("agent", "AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(column(rows.get(0), "No."))).isEqualTo(Long.toString(inquiry));
        assertThat(rows.get(1).get(column(rows.get(0), "Customer"))).isEqualTo(customer.code());
    }

    @Test
    void theQueueOffersTheExportOfWhatItShows() throws Exception {
        String page = mvc.perform(get("/tickets/all").param("tier", "VIP").with(as("wang", "SUPERVISOR")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("href=\"/tickets/all?tier=VIP&amp;format=csv\"")
                .contains("href=\"/tickets/all?tier=VIP&amp;format=xlsx\"");
    }

    private long open(Customer customer, TicketType type, String assignee) {
        var draft = new TicketDraft(type == TicketType.INQUIRY ? IntakeChannel.EMAIL : IntakeChannel.PHONE,
                customer.code(), new Requester("王芳", null, "13800000000"),
                type == TicketType.INQUIRY ? "发票问题" : "商品破损投诉", type, Priority.NORMAL, "收到的商品有破损", List.of(),
                List.of(), assignee);
        TicketDetail opened = tickets.create(draft, null, "intake").ticket();
        return opened.ticket().id().value();
    }

    private static RequestPostProcessor as(String name, String role) {
        return user(name).roles(role);
    }
}
