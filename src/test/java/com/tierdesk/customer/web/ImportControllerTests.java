package com.tierdesk.customer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.EnglishAnswers;
import com.tierdesk.customer.CustomerFixture;
import java.nio.charset.Charset;
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

@SpringBootTest
@AutoConfigureMockMvc
@Import(EnglishAnswers.class)
@WithMockUser(roles = "ADMIN")
class ImportControllerTests {

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
    void answersWithTheReportWhenTheImportIsCommitted() throws Exception {
        mvc.perform(multipart("/api/v1/imports/customers").file(f.upload("customers.csv", "code,name\n{p}C1,张三\n{p}C2,李四\n")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.committed").value(true))
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.fileName").value("customers.csv"));
    }

    @Test
    void answers422WithEveryProblemWhenNothingWasWritten() throws Exception {
        mvc.perform(multipart("/api/v1/imports/customers").file(f.upload("c.csv", "code,name\n{p}C1,A\n")).with(csrf()));
        mvc.perform(multipart("/api/v1/imports/orders").with(csrf()).file(f.upload("orders.csv", """
                        external_id,customer_code,amount,placed_at
                        {p}O1,{p}C1,10,2025-01-01
                        {p}O2,{p}NOBODY,1,2025-01-01
                        {p}O3,{p}C1,1.234,someday
                        """)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Import not committed"))
                .andExpect(jsonPath("$.report.committed").value(false))
                .andExpect(jsonPath("$.report.rejected").value(2))
                .andExpect(jsonPath("$.report.created").value(0))
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("customer_code"))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].field").value("amount"))
                .andExpect(jsonPath("$.errors[1].reason").value(containsString("two decimal places")))
                .andExpect(jsonPath("$.errors[2].field").value("placed_at"));
    }

    @Test
    void answersWithEveryProblemHoweverManyAndKeepsNoFileOfThemAfterwards() throws Exception {
        long problemFiles = CustomerFixture.problemFiles();
        Path bad = f.generated("bad.csv", "code,name,email", 12_001,
                i -> "{p}E" + i + ",名," + (i == 0 ? "good@example.com" : "not-an-email-" + i));

        mvc.perform(multipart("/api/v1/imports/customers").with(csrf()).file(f.upload("bad.csv", bad)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.report.rejected").value(12_000))
                .andExpect(jsonPath("$.report.problems").doesNotExist())
                .andExpect(jsonPath("$.errors", hasSize(12_000)))
                .andExpect(jsonPath("$.errors[11999].line").value(12_002))
                .andExpect(jsonPath("$.errors[11999].field").value("email"));
        mvc.perform(multipart("/api/v1/imports/customers").with(csrf()).file(f.upload("bad.csv", bad)).param("mode", "valid-rows"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.problems", hasSize(12_000)));

        assertThat(CustomerFixture.problemFiles()).isEqualTo(problemFiles);
    }

    @Test
    void takesModeCharsetAndMappingAsParameters() throws Exception {
        mvc.perform(multipart("/api/v1/imports/customers").with(csrf())
                        .file(f.upload("gbk.csv", "编号,名称,备注\n{p}G1,王小明,x\n{p}G2,,y\n", Charset.forName("GBK")))
                        .param("mode", "valid-rows").param("charset", "GBK")
                        .param("map", "编号:code", "名称:name").param("mapping", "{\"备注\": \"-\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.problems[0].line").value(3))
                .andExpect(jsonPath("$.problems[0].field").value("name"));
    }

    @Test
    void refusesOptionsItCannotUnderstand() throws Exception {
        mvc.perform(multipart("/api/v1/imports/customers").with(csrf()).file(f.upload("c.csv", "code,name\n"))
                        .param("mode", "maybe").param("charset", "klingon-8").param("mapping", "[1,2]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("mode", "charset", "mapping")));
        mvc.perform(multipart("/api/v1/imports/invoices").with(csrf()).file(f.upload("c.csv", "code,name\n")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aFileProblemIsA422WithLineZero() throws Exception {
        mvc.perform(multipart("/api/v1/imports/customers").with(csrf()).file(f.upload("c.csv", "code,nickname\n{p}C1,A\n")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].line").value(0))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("unknown column 'nickname'")));
    }
}
