package com.tierdesk.task.web;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.shared.ExportedFile.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.Customers;
import com.tierdesk.shared.ExportedFile;
import com.tierdesk.task.Task;
import com.tierdesk.task.TaskDraft;
import com.tierdesk.task.TaskKind;
import com.tierdesk.task.TaskStatus;
import com.tierdesk.task.Tasks;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Task lists exported: every task of the list by its status, beyond the page's limit, only for those who may see it. */
@SpringBootTest
@AutoConfigureMockMvc
class TaskExportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Tasks tasks;

    @Autowired
    Customers customers;

    @Test
    void oneExportsTheirOwnTasksByStatusWithTheCustomerTheyAreAbout() throws Exception {
        String owner = "am-" + UUID.randomUUID().toString().substring(0, 8);
        Customer customer = customers.create(aCustomer().name("孙悟空").owner(owner).build());
        List<Long> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(aTask(customer, owner, LocalDate.of(2027, 1, 10 + i)).id());
        }
        Task done = aTask(customer, owner, LocalDate.of(2027, 1, 1));
        tasks.complete(done.id(), TaskStatus.DONE, "已回访", owner);

        var rows = ExportedFile.csv(mvc.perform(get("/tasks").param("status", "OPEN").param("format", "csv")
                        .with(user(owner).roles("ACCOUNT_MANAGER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());

        List<String> header = rows.get(0);
        assertThat(rows.stream().skip(1).map(row -> Long.parseLong(row.get(column(header, "任务编号")))))
                .containsExactlyElementsOf(open);
        assertThat(rows.get(1).get(column(header, "客户"))).isEqualTo("孙悟空");
        assertThat(rows.get(1).get(column(header, "客户编号"))).isEqualTo(customer.code());
        assertThat(rows.get(1).get(column(header, "截止"))).isEqualTo("2027-01-10");

        var all = ExportedFile.xlsx(mvc.perform(get("/tasks/all").param("status", "DONE").param("format", "xlsx")
                        .with(as("wang", "SUPERVISOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        List<Cell> allHeader = all.get(0);
        List<Cell> row = all.stream().skip(1)
                .filter(r -> r.get(column(allHeader, "任务编号")).getNumericCellValue() == done.id())
                .findFirst().orElseThrow();
        assertThat(row.get(column(allHeader, "任务编号")).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(row.get(column(allHeader, "结果")).getStringCellValue()).isEqualTo("已回访");
        assertThat(DateUtil.isCellDateFormatted(row.get(column(allHeader, "截止")))).isTrue();
        assertThat(DateUtil.isCellDateFormatted(row.get(column(allHeader, "完成时间")))).isTrue();
        assertThat(all.stream().skip(1).map(r -> r.get(column(allHeader, "状态")).getStringCellValue()))
                .containsOnly("已完成");
    }

    @Test
    void onlySupervisorsExportEverybodysTasksAndThePool() throws Exception {
        for (String path : List.of("/tasks/all", "/tasks/pool")) {
            mvc.perform(get(path).param("format", "csv").with(as("agent", "AGENT"))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/tasks/pool").param("format", "csv").with(as("wang", "SUPERVISOR"))).andExpect(status().isOk());
    }

    @Test
    void theListOffersTheExportOfWhatItShows() throws Exception {
        String page = mvc.perform(get("/tasks/all").param("status", "DONE").with(as("wang", "SUPERVISOR")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("href=\"/tasks/all?status=DONE&amp;format=xlsx\"");
    }

    private Task aTask(Customer customer, String owner, LocalDate due) {
        return tasks.create(new TaskDraft(TaskKind.CHURN_WARNING, customer.id(), "流失预警 " + customer.code(),
                null, owner, due, "export-test:" + UUID.randomUUID())).orElseThrow();
    }

    private static RequestPostProcessor as(String name, String role) {
        return user(name).roles(role);
    }
}
