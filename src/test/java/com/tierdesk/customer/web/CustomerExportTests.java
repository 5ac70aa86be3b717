package com.tierdesk.customer.web;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.unique;
import static com.tierdesk.shared.ExportedFile.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.CustomerTierTimeline;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.TierTimelineEntry;
import com.tierdesk.customer.TierTimelineEntry.Cause;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.ExportedFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The customer list exported from the console and the API: the rows the filters match, every page, as figures. */
@SpringBootTest
@AutoConfigureMockMvc
class CustomerExportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    CustomerTierTimeline timeline;

    @Autowired
    BusinessTime time;

    String owner;
    Customer lapsedVip;
    Customer activeKey;

    @BeforeEach
    void portfolio() {
        owner = unique("am");
        LocalDate today = time.today();
        lapsedVip = aCustomer().name("=流失贵宾 " + owner).owner(owner).withSpend("12880.50", today.minusDays(100))
                .create(customers, orders);
        activeKey = aCustomer().name("活跃重点 " + owner).owner(owner).withSpend("320.00", today.minusDays(10))
                .create(customers, orders);
        for (int i = 0; i < 25; i++) {
            aCustomer().name("普通 " + i + " " + owner).owner(owner).create(customers, orders);
        }
        timeline.record(List.of(
                new TierTimelineEntry(lapsedVip.id(), Instant.parse("2026-10-01T02:00:00Z"), "VIP", null, Cause.ASSESSMENT, 900, null),
                new TierTimelineEntry(activeKey.id(), Instant.parse("2026-10-01T02:00:00Z"), "KEY", null, Cause.ASSESSMENT, 900, null)));
    }

    @Test
    void theConsoleExportsEveryPageOfTheFilteredListAsCsv() throws Exception {
        var response = mvc.perform(get("/customers").param("owner", owner).param("format", "csv").with(agent()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("customers-" + time.today() + ".csv")))
                .andReturn().getResponse();
        var rows = ExportedFile.csv(response.getContentAsByteArray());

        assertThat(rows).hasSize(1 + 27);
        List<String> header = rows.get(0);
        int code = column(header, "客户编号");
        assertThat(rows.stream().skip(1).map(row -> row.get(code)).toList())
                .as("all 27, not the first page's 20").contains(lapsedVip.code(), activeKey.code()).hasSize(27);

        var churned = ExportedFile.csv(mvc.perform(get("/customers").param("owner", owner).param("churnRisk", "true")
                .param("tier", "VIP").param("format", "csv").with(agent())).andReturn().getResponse().getContentAsByteArray());
        assertThat(churned).hasSize(2);
        List<String> row = churned.get(1);
        assertThat(row.get(code)).isEqualTo(lapsedVip.code());
        assertThat(row.get(column(header, "名称"))).as("the formula guard").isEqualTo("'=流失贵宾 " + owner);
        assertThat(row.get(column(header, "等级"))).isEqualTo("VIP 客户");
        assertThat(row.get(column(header, "累计消费（元）"))).isEqualTo("12880.50");
        assertThat(row.get(column(header, "已付订单数"))).isEqualTo("1");
        assertThat(row.get(column(header, "流失风险"))).isEqualTo("是");
    }

    @Test
    void theConsoleExportsTheFilteredListAsAWorkbookInTheReadersLanguage() throws Exception {
        byte[] file = mvc.perform(get("/customers").param("owner", owner).param("tier", "KEY").param("format", "xlsx")
                        .param("lang", "en").with(agent()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("customers-" + time.today() + ".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        var rows = ExportedFile.xlsx(file);

        assertThat(rows).hasSize(2);
        List<Cell> header = rows.get(0);
        List<Cell> row = rows.get(1);
        assertThat(row.get(column(header, "Code")).getStringCellValue()).isEqualTo(activeKey.code());
        assertThat(row.get(column(header, "Name")).getStringCellValue()).isEqualTo("活跃重点 " + owner);
        Cell spend = row.get(column(header, "Lifetime spend (CNY)"));
        assertThat(spend.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(spend.getNumericCellValue()).isEqualTo(320.0);
        Cell lastPaid = row.get(column(header, "Last paid order"));
        assertThat(DateUtil.isCellDateFormatted(lastPaid)).isTrue();
        assertThat(lastPaid.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(time.today().minusDays(10));
        assertThat(row.get(column(header, "Paid orders")).getNumericCellValue()).isEqualTo(1.0);
        LocalDateTime created = row.get(column(header, "Created")).getLocalDateTimeCellValue();
        assertThat(created).as("in the business time zone, to the millisecond a workbook keeps")
                .isEqualTo(LocalDateTime.ofInstant(activeKey.createdAt(), time.zone()).truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void theApiExportsWithTheSearchsFiltersAndSort() throws Exception {
        var rows = ExportedFile.csv(mvc.perform(get("/api/v1/customers").param("owner", owner)
                        .param("sort", "spend,desc").param("size", "1").param("format", "csv").with(agent()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());

        int code = column(rows.get(0), "客户编号");
        assertThat(rows).hasSize(28);
        assertThat(rows.get(1).get(code)).isEqualTo(lapsedVip.code());
        assertThat(rows.get(2).get(code)).isEqualTo(activeKey.code());
    }

    @Test
    void aRefusedExportWritesNoFile() throws Exception {
        mvc.perform(get("/api/v1/customers").param("format", "pdf").with(agent()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        mvc.perform(get("/api/v1/customers").param("tier", "X".repeat(33)).param("format", "csv").with(agent()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("tier"));
        mvc.perform(get("/customers").param("q", "X".repeat(300)).param("format", "csv").with(agent()))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void theListOffersTheExportOfWhatItShows() throws Exception {
        String page = mvc.perform(get("/customers").param("owner", owner).param("tier", "VIP").with(agent()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("/customers?tier=VIP&amp;owner=" + owner + "&amp;format=csv")
                .contains("/customers?tier=VIP&amp;owner=" + owner + "&amp;format=xlsx").contains("导出 Excel");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor agent() {
        return user("agent").roles("AGENT");
    }
}
