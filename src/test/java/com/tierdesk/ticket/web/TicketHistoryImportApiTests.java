package com.tierdesk.ticket.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.EnglishAnswers;
import com.tierdesk.customer.CustomerFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@AutoConfigureMockMvc
@Import(EnglishAnswers.class)
@WithMockUser(roles = "ADMIN")
class TicketHistoryImportApiTests {

    @Autowired
    MockMvc mvc;

    @TempDir
    Path dir;

    CustomerFixture f;

    @BeforeEach
    void fixture() {
        f = new CustomerFixture(dir);
    }

    @Test
    void importsTicketsAndAnswers422WithTheBadRowsWhenNothingWasWritten() throws Exception {
        mvc.perform(multipart("/api/v1/imports/customers").file(f.upload("c.csv", "code,name\n{p}C1,张三\n")).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(multipart("/api/v1/imports/tickets").with(csrf()).file(f.upload("tickets.csv", """
                        external_id,customer_code,type,priority,channel,subject,created_at,solved_at,closed_at
                        {p}T1,{p}C1,咨询,普通,邮件,发票下载失败,2026-03-02 10:00,2026-03-02 12:00,
                        {p}T2,{p}C1,INQUIRY,NORMAL,EMAIL,订单状态不更新,2026-03-02 10:00,2026-03-01 12:00,
                        {p}T3,{p}C1,INQUIRY,NORMAL,FAX,订单状态不更新,2026-03-02 10:00,,
                        """)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.report.committed").value(false))
                .andExpect(jsonPath("$.report.rejected").value(2))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("solved_at"))
                .andExpect(jsonPath("$.errors[0].reason").value("cannot be before created_at"))
                .andExpect(jsonPath("$.errors[1].field").value("channel"))
                .andExpect(jsonPath("$.errors[1].reason").value(containsString("FAX")));

        mvc.perform(multipart("/api/v1/imports/tickets").with(csrf()).param("mode", "valid-rows")
                        .file(f.upload("tickets.csv", """
                        external_id,customer_code,type,priority,channel,subject,created_at,solved_at
                        {p}T1,{p}C1,咨询,普通,邮件,发票下载失败,2026-03-02 10:00,2026-03-02 12:00
                        """)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("TICKETS"))
                .andExpect(jsonPath("$.created").value(1));
    }
}
