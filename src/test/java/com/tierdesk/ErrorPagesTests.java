package com.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Console requests that fail become the console's error page (Spring Boot's error controller renders it, as the
 * servlet container's error dispatch asks: here that dispatch is made by hand); API callers keep problem details.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ErrorPagesTests {

    private static final RequestPostProcessor AGENT = user("error-pages-agent").roles("AGENT");

    @Autowired
    MockMvc mvc;

    @Test
    void aMissingRecordInTheConsoleIsThe404ErrorNotJson() throws Exception {
        var response = mvc.perform(get("/customers/NOPE999").accept(MediaType.TEXT_HTML).with(AGENT))
                .andExpect(status().isNotFound()).andReturn().getResponse();

        assertThat(response.getContentType()).isNull();
        assertThat(response.getErrorMessage()).as("left to the error page").isNull();
        mvc.perform(get("/tiering/runs/{id}", 987_654_321L).accept(MediaType.TEXT_HTML).with(AGENT))
                .andExpect(status().isNotFound());
        mvc.perform(get("/sla/calendars/{code}", "NOPE999").accept(MediaType.TEXT_HTML).with(AGENT))
                .andExpect(status().isNotFound());
        mvc.perform(get("/no-such-page").accept(MediaType.TEXT_HTML).with(AGENT)).andExpect(status().isNotFound())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).isEmpty());
    }

    @Test
    void theApiAndJsonClientsKeepProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/customers/NOPE999").with(AGENT)).andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(get("/api/v1/customers/NOPE999").accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON).with(AGENT))
                .andExpect(status().isNotFound()).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/customers/NOPE999").accept(MediaType.APPLICATION_JSON).with(AGENT))
                .andExpect(status().isNotFound()).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/tokens").with(AGENT)).andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].code").value("problem.access.role"));
    }

    @Test
    void errorPagesAreConsolePagesInTheReadersLanguage() throws Exception {
        String notFound = page(errorDispatch(404, "/customers/NOPE999"));
        assertThat(notFound).contains("<title>找不到页面 · TierDesk</title>", "<h1>找不到页面</h1>", "错误 404",
                "class=\"topnav\"", "href=\"/\"");

        String forbidden = page(errorDispatch(403, "/admin/tokens").param("lang", "en"));
        assertThat(forbidden).contains("<title>Access denied · TierDesk</title>", "<h1>Access denied</h1>", "Error 403");
    }

    @Test
    void aServerErrorRendersThePageWithoutAStackTrace() throws Exception {
        var failure = new IllegalStateException("secret detail of the failure");
        var response = mvc.perform(errorDispatch(500, "/customers").accept(MediaType.TEXT_HTML)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, failure).param("trace", "true"))
                .andExpect(status().isInternalServerError()).andReturn().getResponse();
        String page = response.getContentAsString(StandardCharsets.UTF_8);

        assertThat(response.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
        assertThat(page).contains("<title>出错了 · TierDesk</title>", "错误 500", "问题已记录")
                .doesNotContain("secret detail", "IllegalStateException", "at com.", "Whitelabel");
    }

    @Test
    void anHtmxRequestGetsTheMessageAloneAndTheWayBackIsOnlyToThisSite() throws Exception {
        String fragment = page(errorDispatch(404, "/customers/NOPE999").header("HX-Request", "true")
                .header("Referer", "http://localhost/customers?q=x"));
        assertThat(fragment).startsWith("<section").doesNotContain("<html", "topnav").contains("找不到页面")
                .contains("href=\"/customers?q=x\"");

        assertThat(page(errorDispatch(404, "/customers/NOPE999").header("Referer", "http://elsewhere.example/x")))
                .doesNotContain("error-back").contains("error-home");
    }

    private static MockHttpServletRequestBuilder errorDispatch(int status, String path) {
        return get("/error").with(AGENT).accept(MediaType.TEXT_HTML)
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, path);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).strip();
    }
}
