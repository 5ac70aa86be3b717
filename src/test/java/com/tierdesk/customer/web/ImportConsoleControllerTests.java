package com.tierdesk.customer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.CustomerFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = "ADMIN")
class ImportConsoleControllerTests {

    @Autowired
    MockMvc mvc;

    @TempDir
    Path dir;

    @Test
    void showsTheUploadForm() throws Exception {
        mvc.perform(get("/imports"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("批量导入")))
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));
    }

    @Test
    void runsTheImportInTheBackgroundAndShowsItsReport() throws Exception {
        CustomerFixture f = new CustomerFixture(dir);

        String location = mvc.perform(multipart("/imports")
                        .file(f.upload("customers.csv", "code,name,email\n{p}C1,One,one@example.com\n{p}C2,Two,not-an-email\n"))
                        .param("kind", "customers")
                        .param("mode", "valid-rows").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/imports/");

        String fragment = "";
        for (int i = 0; i < 100 && !fragment.contains("import-report"); i++) {
            Thread.sleep(100);
            fragment = mvc.perform(get(location).header("HX-Request", "true").param("lang", "en"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        }
        assertThat(fragment).contains("import-report", "The import was committed", "is not a valid email address")
                .doesNotContain("<html").doesNotContain("hx-trigger");
        mvc.perform(get(location).param("lang", "en"))
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("Unchanged")));
    }

    @Test
    void showsTheImportsProblemsInTheReadersLanguage() throws Exception {
        CustomerFixture f = new CustomerFixture(dir);
        String location = mvc.perform(multipart("/imports")
                        .file(f.upload("customers.csv", "code,name,email\n{p}C1,One,not-an-email\n"))
                        .param("kind", "customers").param("mode", "valid-rows").with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();

        String fragment = "";
        for (int i = 0; i < 100 && !fragment.contains("import-report"); i++) {
            Thread.sleep(100);
            fragment = mvc.perform(get(location).header("HX-Request", "true").param("lang", "zh_CN"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        }
        assertThat(fragment).contains("import-report", "不是有效的电子邮件地址").doesNotContain("is not a valid email address");
        assertThat(mvc.perform(get(location).header("HX-Request", "true").param("lang", "en"))
                .andReturn().getResponse().getContentAsString()).contains("is not a valid email address");
    }

    @Test
    void pagesThroughEveryProblemAndOffersTheWholeReport() throws Exception {
        CustomerFixture f = new CustomerFixture(dir);
        Path bad = f.generated("bad.csv", "code,name,email", 250, i -> "{p}E" + i + ",名,not-an-email-" + i);
        String location = mvc.perform(multipart("/imports").file(f.upload("bad.csv", bad)).param("kind", "customers")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String first = "";
        for (int i = 0; i < 100 && !first.contains("import-report"); i++) {
            Thread.sleep(100);
            first = html(get(location).header("HX-Request", "true").param("lang", "en"));
        }

        assertThat(first).contains("Problems (250 in all)").contains("Page 1 of 3").contains(">101<").doesNotContain(">102<")
                .contains("href=\"" + location + "/report\"");
        assertThat(html(get(location).param("page", "2").param("lang", "en"))).contains("Page 3 of 3").contains(">251<")
                .doesNotContain(">201<");
        String report = mvc.perform(get(location + "/report"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonMapper.builder().build().readTree(report).path("problems").size()).isEqualTo(250);
    }

    @Test
    void anUnknownJobIsNotFound() throws Exception {
        mvc.perform(get("/imports/no-such-job")).andExpect(status().isNotFound());
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
