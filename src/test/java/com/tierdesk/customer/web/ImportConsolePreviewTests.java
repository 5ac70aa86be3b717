package com.tierdesk.customer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportMappings;
import com.tierdesk.customer.SavedMapping;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "supervisor.wang", roles = "ADMIN")
class ImportConsolePreviewTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportMappings mappings;

    @TempDir
    Path dir;

    @Test
    void aPreviewShowsTheRowsAsTheyWillBeReadAndWritesNothing() throws Exception {
        CustomerFixture f = new CustomerFixture(dir, null, jdbc);
        Document page = page(multipart("/imports")
                .file(f.upload("客户.csv", "编号,姓名,邮箱\n{p}C1,张三,zhang@example.com\n{p}C2,李四,not-an-email\n"))
                .param("kind", "customers").param("mapping", "编号=code\n姓名=name\n邮箱=email")
                .param("action", "preview"));

        assertThat(page.select("#import-preview").text()).contains("CSV", "UTF-8", "编号, 姓名, 邮箱");
        assertThat(page.select("#import-preview-rows thead th").eachText()).containsExactly("Line", "code", "name", "email");
        assertThat(page.select("#import-preview-rows tbody tr").eachText())
                .containsExactly("2 " + f.p + "C1 张三 zhang@example.com", "3 " + f.p + "C2 李四 not-an-email");
        assertThat(page.select("#import-preview-problems tbody tr").eachText())
                .singleElement().asString().startsWith("3 email");
        assertThat(f.customers()).isZero();

        // the same upload is imported from the preview, without choosing the file again
        String upload = page.select("input[name=upload]").val();
        String location = mvc.perform(multipart("/imports").param("upload", upload).param("kind", "customers")
                        .param("mode", "valid-rows").param("mapping", "编号=code\n姓名=name\n邮箱=email").with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Document report = report(location);
        assertThat(report.select(".counts").text()).contains("Created 1", "Rejected 1");
        assertThat(f.customers()).isEqualTo(1);

        String rejected = mvc.perform(get(location + "/rejected.csv").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(rejected.lines().toList()).first().asString().endsWith("Line,Field,Value,Reason");
        assertThat(rejected.lines().skip(1).toList()).singleElement().asString()
                .startsWith("3,email,not-an-email,").contains("not a valid email address");
    }

    @Test
    void aProblemWithTheFormNamesTheFormsFieldsNotTheApisSyntax() throws Exception {
        CustomerFixture f = new CustomerFixture(dir, null, jdbc);
        Document page = page(multipart("/imports").file(f.upload("orders.csv", "order,who,total\nO1,C1,10\n"))
                .param("kind", "orders").param("constants", "status PAID").param("action", "preview"));
        assertThat(page.select("#import-option-errors").text()).contains("Constant fields", "name=value")
                .doesNotContain("set=", "--set");

        page = page(multipart("/imports").file(f.upload("orders.csv", "order,who,total\nO1,C1,10\n"))
                .param("kind", "orders").param("action", "preview"));
        assertThat(page.select("#import-preview-problems").text()).contains("Column mapping")
                .doesNotContain("map=", "--map");
    }

    @Test
    void settingsSavedByNameAreLoadedBackForEveryone() throws Exception {
        CustomerFixture f = new CustomerFixture(dir, null, jdbc);
        String name = "店铺订单 " + f.p;
        page(multipart("/imports").file(f.upload("orders.csv", "单号,客户,金额,下单时间\n{p}O1,{p}C1,10,2025-01-01\n"))
                .param("kind", "orders").param("mapping", "单号=external_id\n客户=customer_code\n金额=amount\n下单时间=placed_at")
                .param("constants", "status=PAID").param("createMissingCustomers", "true").param("saveAs", name)
                .param("action", "preview"));

        SavedMapping saved = mappings.find(name).orElseThrow();
        assertThat(saved).extracting(SavedMapping::kind, SavedMapping::constantFields, SavedMapping::createMissingCustomers,
                SavedMapping::savedBy).containsExactly(ImportKind.ORDERS, "status=PAID", true, "supervisor.wang");

        Document page = page(multipart("/imports").file(f.upload("orders2.csv", "单号,客户,金额,下单时间\n{p}O2,{p}C2,20,2025-01-02\n"))
                .param("savedMapping", name).param("action", "preview"));
        assertThat(page.select("#import-loaded-mapping").text()).contains(name, "supervisor.wang");
        assertThat(page.select("textarea[name=mapping]").val()).contains("单号=external_id");
        assertThat(page.select("input[name=createMissingCustomers]").hasAttr("checked")).isTrue();
        assertThat(page.select("#import-preview-rows tbody tr").eachText()).singleElement().asString()
                .contains(f.p + "O2", "20", "PAID");
    }

    @Test
    void theShippedCdnowMappingImportsASliceOfTheCdnowFile() throws Exception {
        CustomerFixture f = new CustomerFixture(dir, null, jdbc);
        Path slice = f.cdnow(201);
        Document page = page(multipart("/imports").file(f.upload("CDNOW_master.txt", slice))
                .param("savedMapping", "CDNOW").param("action", "preview"));
        assertThat(page.select("#import-preview-problems")).isEmpty();
        assertThat(page.select("#import-preview-rows tbody tr")).hasSize(10);
        assertThat(page.select("#import-preview-rows thead th").eachText())
                .contains("external_id", "customer_code", "amount", "placed_at", "paid_at", "status");

        MockMultipartHttpServletRequestBuilder imported = multipart("/imports");
        page.select("#import-form input[type=hidden], #import-form input[type=text], #import-form textarea, #import-form select")
                .forEach(field -> imported.param(field.attr("name"), field.is("select")
                        ? field.select("option[selected]").val() : field.val()));
        page.select("#import-form input[type=checkbox][checked]").forEach(box -> imported.param(box.attr("name"), box.val()));
        String location = mvc.perform(imported.param("action", "import").with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        assertThat(report(location).select(".counts").text()).contains("Rows 200", "Created 200", "Rejected 0");
        assertThat(f.orders()).isEqualTo(200);
        assertThat(f.customers()).isPositive();
    }

    private Document page(MockMultipartHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.param("lang", "en").with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private Document report(String location) throws Exception {
        String html = "";
        for (int i = 0; i < 300 && !html.contains("import-report"); i++) {
            Thread.sleep(100);
            html = mvc.perform(get(location).header("HX-Request", "true").param("lang", "en"))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        return Jsoup.parse(html);
    }
}
