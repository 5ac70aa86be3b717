package com.tierdesk.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;
import com.tierdesk.knowledge.Article;
import com.tierdesk.knowledge.ArticleDraft;
import com.tierdesk.knowledge.Articles;
import com.tierdesk.ticket.TicketDetail;
import com.tierdesk.ticket.TicketFixture;
import com.tierdesk.ticket.Tickets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TicketFixture.class)
class KnowledgeApiTests {

    private static final RequestPostProcessor SUPERVISOR = user("wang").roles("SUPERVISOR");
    private static final RequestPostProcessor AGENT = user("agent.li").roles("AGENT");

    @Autowired
    MockMvc mvc;

    @Autowired
    Articles articles;

    @Autowired
    Tickets tickets;

    @Autowired
    TicketFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Test
    void editorsWritePublishAndChangeArticlesThatAgentsThenFind() throws Exception {
        String marker = marker();
        String created = send(post("/api/v1/knowledge/articles").with(SUPERVISOR), """
                {"title": "退货运费 %s", "body": "会员退货免运费。", "language": "zh-CN", "tags": ["退货"]}
                """.formatted(marker)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT")).andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));

        mvc.perform(get("/api/v1/knowledge/articles").param("q", marker).with(AGENT))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/knowledge/articles/{id}", id).with(AGENT)).andExpect(status().isNotFound());

        send(post("/api/v1/knowledge/articles/{id}/publish", id).with(SUPERVISOR), "{\"version\": 0}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
        send(put("/api/v1/knowledge/articles/{id}", id).with(SUPERVISOR), """
                {"title": "退货运费说明 %s", "body": "会员退货免运费。", "language": "zh-CN", "tags": ["退货"], "version": 1}
                """.formatted(marker)).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));

        mvc.perform(get("/api/v1/knowledge/articles").param("q", "退货运费 " + marker).with(AGENT))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].article.id").value(id));
        mvc.perform(get("/api/v1/knowledge/articles/{id}/versions", id).with(SUPERVISOR))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[1].title").value("退货运费 " + marker));
    }

    @Test
    void agentsMayNotWrite() throws Exception {
        send(post("/api/v1/knowledge/articles").with(AGENT), """
                {"title": "t", "body": "b", "language": "en"}
                """).andExpect(status().isForbidden());
        send(post("/api/v1/knowledge/templates").with(AGENT), """
                {"name": "t", "body": "b", "language": "en"}
                """).andExpect(status().isForbidden());
    }

    @Test
    void aStaleVersionIsA409WithTheCurrentVersion() throws Exception {
        Article article = articles.create(new ArticleDraft("标题", "正文", "zh-CN", List.of()), "wang");
        articles.update(article.id(), 0, new ArticleDraft("标题二", "正文", "zh-CN", List.of()), "wang");

        send(put("/api/v1/knowledge/articles/{id}", article.id()).with(SUPERVISOR).header("Accept-Language", "en"), """
                {"title": "标题三", "body": "正文", "language": "zh-CN", "version": 0}
                """).andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("version"))
                .andExpect(jsonPath("$.errors[0].code").value("problem.knowledge.article-changed"));
        assertThat(articles.get(article.id()).title()).isEqualTo("标题二");
    }

    @Test
    void theVersionGoesInIfMatchAndDeletingTakesItToo() throws Exception {
        Article article = articles.create(new ArticleDraft("待删除", "正文", "zh-CN", List.of()), "wang");

        mvc.perform(get("/api/v1/knowledge/articles/{id}", article.id()).with(SUPERVISOR))
                .andExpect(header().string("ETag", "\"0\""));
        mvc.perform(post("/api/v1/knowledge/articles/{id}/publish", article.id()).with(SUPERVISOR).with(csrf())
                        .header("If-Match", "W/\"0\""))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
        mvc.perform(delete("/api/v1/knowledge/articles/{id}", article.id()).with(SUPERVISOR).with(csrf())
                .header("If-Match", "\"0\"")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(1));
        mvc.perform(delete("/api/v1/knowledge/articles/{id}", article.id()).with(AGENT).with(csrf())
                .header("If-Match", "\"1\"")).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/knowledge/articles/{id}", article.id()).with(SUPERVISOR).with(csrf())
                .param("version", "1")).andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/knowledge/articles/{id}", article.id()).with(SUPERVISOR))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM knowledge_term WHERE kind = 'A' AND item_id = :id")
                .param("id", article.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void badInputIsA422WithEveryFieldAndWritesNothing() throws Exception {
        String marker = marker();
        int before = jdbc.sql("SELECT COUNT(*) FROM knowledge_article").query(Integer.class).single();
        send(post("/api/v1/knowledge/articles").with(SUPERVISOR).header("Accept-Language", "en"), """
                {"title": "", "body": "x", "language": "de", "tags": ["%s", "%s"]}
                """.formatted(marker, marker)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[?(@.field == 'language')].reason").value("must be one of zh-CN, en"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM knowledge_article").query(Integer.class).single()).isEqualTo(before);

        send(post("/api/v1/knowledge/templates").with(SUPERVISOR).header("Accept-Language", "zh-CN"), """
                {"name": "%s", "body": "您好 {{customer.nickname}}", "language": "zh-CN"}
                """.formatted(marker)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].code").value("problem.knowledge.unknown-variable"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.startsWith(
                        "未知变量“customer.nickname”")));
        send(put("/api/v1/knowledge/articles/{id}", 1).with(SUPERVISOR), """
                {"title": "t", "body": "b", "language": "en"}
                """).andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        mvc.perform(get("/api/v1/knowledge/articles").param("language", "fr").with(AGENT))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("language"));
        mvc.perform(get("/api/v1/knowledge/articles/{id}", -5).with(AGENT)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].code").value("problem.knowledge.no-article"));
        mvc.perform(get("/api/v1/knowledge/reports/questions-without-article").param("days", "0").with(AGENT))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("days"));
    }

    @Test
    void templatesAreRenderedForATicketAndArticlesSuggested() throws Exception {
        Customer customer = fixture.aCustomerIn("VIP");
        TicketDetail ticket = tickets.create(TicketFixture.inquiry(customer.code()), null, "agent").ticket();
        long id = ticket.ticket().id().value();
        String created = send(post("/api/v1/knowledge/templates").with(SUPERVISOR), """
                {"name": "Greeting %s", "body": "Dear {{customer.name}}, ticket {{ticket.id}}: {{ticket.deadline}}.", "language": "en"}
                """.formatted(marker())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long template = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));

        mvc.perform(get("/api/v1/knowledge/templates/{id}/render", template).param("ticket", String.valueOf(id))
                        .header("Accept-Language", "en").with(AGENT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value(org.hamcrest.Matchers.startsWith(
                        "Dear " + customer.name() + ", ticket " + id + ": First response due by ")));
        mvc.perform(get("/api/v1/knowledge/suggestions").param("ticket", String.valueOf(id)).with(AGENT))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/knowledge/suggestions").param("ticket", "-1").with(AGENT))
                .andExpect(status().isNotFound());
    }

    private org.springframework.test.web.servlet.ResultActions send(MockHttpServletRequestBuilder request, String json)
            throws Exception {
        return mvc.perform(request.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String marker() {
        return "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).replaceAll("[0-9]", "x");
    }
}
