package com.tierdesk.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.notification.NotificationDraft;
import com.tierdesk.notification.Notifications;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class NotificationConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theBellCountsUnreadNotificationsUntilTheyAreMarkedRead() throws Exception {
        String agent = "bell-" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> ids = transactions.execute(status -> List.of(
                notifications.send(NotificationDraft.toConsole(agent, "notification.test", "/tasks", "41")),
                notifications.send(NotificationDraft.toConsole(agent, "notification.test", null, "42"))));

        assertThat(page(agent, "/").select("#bell").attr("href")).isEqualTo("/notifications");
        assertThat(page(agent, "/notifications/bell").select("#bell-count").text()).isEqualTo("2");
        Document list = page(agent, "/notifications");
        assertThat(list.select("#notifications tr.unread")).hasSize(2);
        assertThat(list.select("#notification-" + ids.get(0) + " a").attr("href")).isEqualTo("/tasks");
        assertThat(list.select("#notification-" + ids.get(0)).text()).contains("TierDesk 测试通知 41");

        mvc.perform(post("/notifications/{id}/read", ids.get(0)).with(user(agent).roles("AGENT")).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(page(agent, "/notifications/bell").select("#bell-count").text()).isEqualTo("1");
        mvc.perform(post("/notifications/{id}/read", ids.get(1)).with(user("someone-else").roles("AGENT")).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(page(agent, "/notifications/bell").select("#bell-count").text())
                .as("another person cannot mark it read").isEqualTo("1");

        mvc.perform(post("/notifications/read").with(user(agent).roles("AGENT")).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(page(agent, "/notifications/bell").select("#bell-count").text()).isEmpty();
        assertThat(page(agent, "/notifications").select("#notifications tr.unread")).isEmpty();
    }

    private Document page(String account, String path) throws Exception {
        String html = mvc.perform(get(path).with(user(account).roles("AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }
}
