package com.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The console's static files under their own paths, the WebJars by paths without their version; nothing else. */
@SpringBootTest
@AutoConfigureMockMvc
class ConsoleStaticFilesTests {

    @Autowired
    MockMvc mvc;

    @Test
    void stylesScriptsAndWebJarsAreServedByTheirOwnPaths() throws Exception {
        for (String path : new String[] {"/css/ticket.css", "/js/tierdesk.js", "/webjars/htmx.org/dist/htmx.min.js",
                "/webjars/chart.js/dist/chart.umd.js"}) {
            assertThat(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentLength())
                    .as(path).isPositive();
        }
        mvc.perform(get("/static/css/ticket.css").with(user("agent").roles("AGENT"))).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/tickets").with(user("agent").roles("AGENT"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
                .as("links to pages stay as they are, those to WebJars get their version")
                .contains("href=\"/tickets\"").contains("/css/ticket.css").contains("/webjars/htmx.org/2.");
    }
}
