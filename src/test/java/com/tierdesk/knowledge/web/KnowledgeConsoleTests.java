package com.tierdesk.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;
import com.tierdesk.knowledge.Article;
import com.tierdesk.knowledge.ArticleDraft;
import com.tierdesk.knowledge.Articles;
import com.tierdesk.knowledge.ReplyTemplates;
import com.tierdesk.knowledge.TemplateDraft;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.TicketType;
import com.tierdesk.ticket.IntakeChannel;
import com.tierdesk.ticket.Requester;
import com.tierdesk.ticket.TicketDraft;
import com.tierdesk.ticket.TicketFixture;
import com.tierdesk.ticket.Tickets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TicketFixture.class)
class KnowledgeConsoleTests {

    private static final RequestPostProcessor SUPERVISOR = user("wang").roles("SUPERVISOR");
    private static final RequestPostProcessor AGENT = user("agent.li").roles("AGENT");

    @Autowired
    MockMvc mvc;

    @Autowired
    Articles articles;

    @Autowired
    ReplyTemplates templates;

    @Autowired
    Tickets tickets;

    @Autowired
    TicketFixture fixture;

    @Test
    void supervisorsWriteAndPublishAgentsReadPublishedOnly() throws Exception {
        String marker = marker();
        MvcResult created = mvc.perform(post("/knowledge/articles").with(SUPERVISOR).with(csrf())
                        .param("title", "开票说明 " + marker).param("body", "# 电子发票\n- 订单完成后开具\n- 七天内可换开")
                        .param("language", "zh-CN").param("tags", "发票, 开票").param("version", "0"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/knowledge/articles/".length()));

        assertThat(html(get("/knowledge").param("q", marker).with(AGENT))).doesNotContain("article-" + id + "\"")
                .doesNotContain("id=\"new-article\"").doesNotContain("knowledge-status");
        assertThat(html(get("/knowledge").param("q", marker).param("status", "DRAFT").with(SUPERVISOR)))
                .contains("id=\"article-" + id + "\"").contains("id=\"new-article\"");
        mvc.perform(get("/knowledge/articles/{id}", id).with(AGENT)).andExpect(status().isNotFound());
        mvc.perform(get("/knowledge/articles/new").with(AGENT)).andExpect(status().isForbidden());
        mvc.perform(post("/knowledge/articles/{id}/publish", id).with(AGENT).with(csrf()).param("version", "0"))
                .andExpect(status().isForbidden());

        mvc.perform(post("/knowledge/articles/{id}/publish", id).with(SUPERVISOR).with(csrf()).param("version", "0"))
                .andExpect(status().is3xxRedirection());

        String read = html(get("/knowledge/articles/{id}", id).param("lang", "en").with(AGENT));
        assertThat(read).contains("<h3>电子发票</h3>").contains("<li>订单完成后开具</li>")
                .doesNotContain("article-versions").doesNotContain("edit-article");
        assertThat(html(get("/knowledge/articles/{id}", id).param("lang", "en").with(SUPERVISOR)))
                .contains("id=\"article-versions\"").contains("id=\"article-version-0\"").contains("edit-article");
        assertThat(html(get("/knowledge").param("q", "开票 " + marker).with(AGENT))).contains("id=\"article-" + id + "\"");
    }

    @Test
    void aFormSentOnAStaleVersionShowsTheConflictAndKeepsWhatWasTyped() throws Exception {
        Article article = articles.create(new ArticleDraft("原标题", "原正文", "zh-CN", List.of()), "wang");
        articles.update(article.id(), 0, new ArticleDraft("别人改的标题", "原正文", "zh-CN", List.of()), "li");

        MvcResult refused = mvc.perform(post("/knowledge/articles/{id}", article.id()).with(SUPERVISOR).with(csrf())
                .param("lang", "en").param("title", "我的标题").param("body", "我的正文").param("language", "zh-CN")
                .param("tags", "").param("version", "0")).andExpect(status().isConflict()).andReturn();

        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("knowledge-problems")
                .contains("was changed and is now at version 1").contains("value=\"我的标题\"").contains("我的正文");
        assertThat(articles.get(article.id()).title()).isEqualTo("别人改的标题");
    }

    @Test
    void theTicketPagesFragmentsSuggestArticlesAndInsertQuickReplies() throws Exception {
        String marker = "保修" + marker();
        Article answer = articles.create(new ArticleDraft(marker + "政策", "整机保修一年。", "zh-CN", List.of()), "wang");
        articles.publish(answer.id(), 0, "wang");
        var template = templates.create(new TemplateDraft("保修答复" + marker(),
                "{{customer.name}} 您好，关于工单 {{ticket.id}}，整机保修一年。", "zh-CN"), "wang");
        Customer customer = fixture.aCustomer();
        long ticket = tickets.create(new TicketDraft(IntakeChannel.EMAIL, customer.code(),
                new Requester("王芳", "wang@example.com", null), "咨询" + marker, TicketType.INQUIRY, Priority.NORMAL,
                "想了解保修", List.of(), List.of(), null), null, "agent").ticket().ticket().id().value();

        assertThat(html(get("/knowledge/suggestions").param("ticket", String.valueOf(ticket)).with(AGENT)))
                .contains("id=\"suggested-article-" + answer.id() + "\"").doesNotContain("<html");
        assertThat(html(get("/knowledge/templates/picker").param("ticket", String.valueOf(ticket))
                .param("target", "reply-body").with(AGENT)))
                .contains("id=\"pick-template-" + template.id() + "\"").contains("data-insert-into=\"reply-body\"")
                .contains("data-text=\"" + customer.name() + " 您好，关于工单 " + ticket + "，整机保修一年。\"");
        assertThat(html(get("/knowledge/templates/picker").param("ticket", String.valueOf(ticket))
                .param("q", "保修答复 没有这个词").with(AGENT))).contains("id=\"pick-template-" + template.id() + "\"");
        assertThat(html(get("/knowledge/templates/picker").param("ticket", String.valueOf(ticket))
                .param("q", "q" + marker()).with(AGENT))).doesNotContain("pick-template-");
    }

    @Test
    void templatesAreEditedBySupervisorsAndRefusedWithTheUnknownVariable() throws Exception {
        String name = "问候" + marker();
        mvc.perform(post("/knowledge/templates").with(SUPERVISOR).with(csrf()).param("lang", "en").param("name", name)
                        .param("body", "您好 {{customer.nickname}}").param("language", "zh-CN").param("version", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .contains("unknown variable &#39;customer.nickname&#39;").contains("value=\"" + name + "\""));
        mvc.perform(post("/knowledge/templates").with(SUPERVISOR).with(csrf()).param("name", name)
                        .param("body", "您好 {{customer.name}}").param("language", "zh-CN").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(html(get("/knowledge/templates").with(AGENT))).contains(name).doesNotContain("id=\"new-template\"");
        assertThat(html(get("/knowledge/templates").with(SUPERVISOR))).contains("id=\"new-template\"");
        mvc.perform(get("/knowledge/templates/new").with(AGENT)).andExpect(status().isForbidden());
    }

    @Test
    void theReportShowsTicketTagsWithoutAnArticle() throws Exception {
        String tag = "gap-" + marker();
        Customer customer = fixture.aCustomer();
        tickets.create(new TicketDraft(IntakeChannel.EMAIL, customer.code(), new Requester("王芳", "wang@example.com", null),
                "问题", TicketType.INQUIRY, Priority.NORMAL, "内容", List.of(tag), List.of(), null), null, "agent");

        assertThat(html(get("/knowledge/gaps").with(AGENT))).contains(tag);
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String marker() {
        return "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).replaceAll("[0-9]", "x");
    }
}
