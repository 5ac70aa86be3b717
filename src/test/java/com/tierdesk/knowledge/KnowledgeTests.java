package com.tierdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.TierNames;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.Refusal;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.TicketType;
import com.tierdesk.ticket.IntakeChannel;
import com.tierdesk.ticket.Requester;
import com.tierdesk.ticket.TicketDetail;
import com.tierdesk.ticket.TicketDraft;
import com.tierdesk.ticket.TicketFixture;
import com.tierdesk.ticket.Tickets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TicketFixture.class)
class KnowledgeTests {

    @Autowired
    Articles articles;

    @Autowired
    ReplyTemplates templates;

    @Autowired
    Tickets tickets;

    @Autowired
    TicketFixture fixture;

    @Autowired
    TierNames tierNames;

    @Autowired
    BusinessTime time;

    @Test
    void aChineseQueryFindsTheWordInsideASentenceWithoutSpaces() {
        String marker = marker();
        Article article = published("售后说明 " + marker, "客户留言：我想申请退货，请问流程？", "zh-CN");

        List<Long> found = ids(articles.search(ArticleQuery.published("退货", 200)));

        assertThat(found).contains(article.id());
        assertThat(ids(articles.search(ArticleQuery.published("申请退货 " + marker, 5)))).first().isEqualTo(article.id());
    }

    @Test
    void aTitleHitOutranksABodyHit() {
        String marker = "换货" + marker();
        Article inBody = published("物流常见问题", "如果需要" + marker + "，请联系客服。" + marker + "一般三天内处理，" + marker, "zh-CN");
        Article inTitle = published(marker + "的条件", "收到商品七天内可以申请。", "zh-CN");

        List<Long> found = ids(articles.search(ArticleQuery.published(marker, 10)));

        assertThat(found).containsSubsequence(inTitle.id(), inBody.id());
    }

    @Test
    void englishWordsAreMatchedCaseInsensitively() {
        String marker = marker();
        Article article = published("Refund timeline " + marker, "Refunds reach the card in 5 days.", "en");

        assertThat(ids(articles.search(new ArticleQuery(marker.toUpperCase(Locale.ROOT) + " refund", "en",
                ArticleStatus.PUBLISHED, 5)))).first().isEqualTo(article.id());
    }

    @Test
    void agentsSearchPublishedArticlesOnlyAndEditorsFilterDrafts() {
        String marker = marker();
        Article draft = articles.create(new ArticleDraft("草稿 " + marker, "尚未发布", "zh-CN", List.of()), "editor");

        assertThat(ids(articles.search(ArticleQuery.published(marker, 10)))).doesNotContain(draft.id());
        assertThat(ids(articles.search(new ArticleQuery(marker, null, ArticleStatus.DRAFT, 10))))
                .containsExactly(draft.id());
        assertThat(ids(articles.search(new ArticleQuery(marker, "en", null, 10)))).isEmpty();
    }

    @Test
    void everySaveKeepsWhatTheArticleSaidBefore() {
        Article created = articles.create(new ArticleDraft("退款时效", "三天", "zh-CN", List.of("退款")), "editor");
        Article published = articles.publish(created.id(), created.version(), "supervisor");
        Article changed = articles.update(created.id(), published.version(),
                new ArticleDraft("退款时效说明", "三到五个工作日", "zh-CN", List.of("退款", "时效")), "supervisor.li");

        assertThat(changed.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(changed.version()).isEqualTo(2);
        List<ArticleVersion> versions = articles.versions(created.id());
        assertThat(versions).extracting(ArticleVersion::version).containsExactly(2L, 1L, 0L);
        assertThat(versions).extracting(ArticleVersion::title).containsExactly("退款时效说明", "退款时效", "退款时效");
        assertThat(versions).extracting(ArticleVersion::status)
                .containsExactly(ArticleStatus.PUBLISHED, ArticleStatus.PUBLISHED, ArticleStatus.DRAFT);
        assertThat(versions).extracting(ArticleVersion::savedBy).containsExactly("supervisor.li", "supervisor", "editor");
        assertThat(versions.get(0).tags()).containsExactly("时效", "退款");
    }

    @Test
    void aChangeOnAStaleVersionIsAConflictAndWritesNothing() {
        Article created = articles.create(new ArticleDraft("旧标题", "正文", "zh-CN", List.of()), "editor");
        articles.update(created.id(), 0, new ArticleDraft("新标题", "正文", "zh-CN", List.of()), "editor");

        assertThatThrownBy(() -> articles.update(created.id(), 0,
                new ArticleDraft("别人的标题", "正文", "zh-CN", List.of()), "other"))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.problems().get(0).reason().arguments())
                        .containsExactly(String.valueOf(created.id()), "1"));
        assertThat(articles.get(created.id()).title()).isEqualTo("新标题");
        assertThat(articles.versions(created.id())).hasSize(2);
    }

    @Test
    void aBadArticleIsRefusedWithEveryFieldAndWritesNothing() {
        String marker = marker();
        assertThatThrownBy(() -> articles.create(new ArticleDraft(" ", "", "fr", List.of(marker, marker)), "editor"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(problem -> problem.field() + " " + problem.code())
                        .containsExactlyInAnyOrder("title problem.required", "body problem.required",
                                "language problem.one-of", "tags[1] problem.knowledge.duplicate-tag"));
    }

    @Test
    void aTemplateWithAnUnknownVariableIsRefusedNamingIt() {
        assertThatThrownBy(() -> templates.create(new TemplateDraft("问候" + marker(),
                "{{customer.name}} 您好，您的订单 {{order.number}}", "zh-CN"), "supervisor"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(problem -> {
                        assertThat(problem.field()).isEqualTo("body");
                        assertThat(problem.code()).isEqualTo("problem.knowledge.unknown-variable");
                        assertThat(problem.reason().arguments().get(0)).isEqualTo("order.number");
                    });
                    assertThat(e.getMessage()).contains("unknown variable 'order.number'");
                });
    }

    @Test
    void aTemplateIsFilledInForARealTicketInTheReadersLanguage() {
        Customer customer = fixture.aCustomerIn("VIP");
        TicketDetail ticket = tickets.create(TicketFixture.inquiry(customer.code()), null, "agent").ticket();
        ReplyTemplate template = templates.create(new TemplateDraft("首次答复" + marker(),
                "{{customer.name}} 您好，工单 {{ticket.id}}（{{customer.tier}}）：{{ticket.deadline}}。—— {{agent.name}}",
                "zh-CN"), "supervisor");

        String chinese = templates.render(template.id(), ticket.ticket().id(), "王芳", Locale.SIMPLIFIED_CHINESE).text();
        String english = templates.render(template.id(), ticket.ticket().id(), "王芳", Locale.ENGLISH).text();

        assertThat(chinese).startsWith(customer.name() + " 您好，工单 " + ticket.ticket().id().value() + "（"
                + tierNames.names(Locale.SIMPLIFIED_CHINESE).get("VIP") + "）：首次响应截止时间：").endsWith("—— 王芳")
                .doesNotContain("{{");
        assertThat(english).contains("First response due by ").doesNotContain("{{");
    }

    @Test
    void templatesAreFoundByTheWordsOfTheirNameFirst() {
        String marker = "物流" + marker();
        ReplyTemplate inName = templates.create(new TemplateDraft(marker + "查询", "请稍候。", "zh-CN"), "supervisor");
        ReplyTemplate inBody = templates.create(new TemplateDraft("通用答复" + marker(), "关于" + marker + "，请稍候。",
                "zh-CN"), "supervisor");

        assertThat(templates.search(marker, null)).extracting(ReplyTemplate::id)
                .containsSubsequence(inName.id(), inBody.id());
        assertThat(templates.search(marker, "en")).isEmpty();
    }

    @Test
    void aTemplateChangedSinceReadIsAConflictAndNamesAreUnique() {
        String name = "结束语" + marker();
        ReplyTemplate template = templates.create(new TemplateDraft(name, "祝您生活愉快！", "zh-CN"), "supervisor");
        templates.update(template.id(), 0, new TemplateDraft(name, "祝您生活愉快！{{agent.name}}", "zh-CN"), "supervisor");

        assertThatThrownBy(() -> templates.update(template.id(), 0, new TemplateDraft(name, "旧", "zh-CN"), "other"))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> templates.create(new TemplateDraft(name, "重名", "zh-CN"), "other"))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("name"));
    }

    @Test
    void suggestionsRankPublishedArticlesAgainstTheTicketsSubject() {
        String marker = "发票" + marker();
        Article answer = published(marker + "开具说明", "电子发票在订单完成后开具。", "zh-CN");
        Customer customer = fixture.aCustomer();
        TicketDetail ticket = tickets.create(ticket(customer, "申请开具" + marker, List.of()), null, "agent").ticket();

        assertThat(articles.suggestionsFor(ticket.ticket().id(), 3)).first()
                .satisfies(hit -> assertThat(hit.article().id()).isEqualTo(answer.id()));
    }

    @Test
    void theReportListsFrequentTicketTagsWithoutAPublishedArticle() {
        String unanswered = "gap-" + marker();
        String answered = "answered-" + marker();
        Customer customer = fixture.aCustomer();
        tickets.create(ticket(customer, "问题一", List.of(unanswered, answered)), null, "agent");
        tickets.create(ticket(customer, "问题二", List.of(unanswered)), null, "agent");
        published("已回答的问题", "答案", "zh-CN", List.of(answered));

        List<TagGap> gaps = articles.questionsWithoutArticle(time.now().minus(Duration.ofDays(30)), 10_000);

        assertThat(gaps).contains(new TagGap(unanswered, 2));
        assertThat(gaps).extracting(TagGap::tag).doesNotContain(answered);
    }

    @Test
    void refusalsSayWhyInEnglishForLogs() {
        assertThatThrownBy(() -> articles.get(-1)).isInstanceOf(Refusal.class).hasMessageContaining("no article with id -1");
    }

    private Article published(String title, String body, String language) {
        return published(title, body, language, List.of());
    }

    private Article published(String title, String body, String language, List<String> tags) {
        Article draft = articles.create(new ArticleDraft(title, body, language, tags), "editor");
        return articles.publish(draft.id(), draft.version(), "supervisor");
    }

    private static TicketDraft ticket(Customer customer, String subject, List<String> tags) {
        return new TicketDraft(IntakeChannel.EMAIL, customer.code(), new Requester("王芳", "wang@example.com", null),
                subject, TicketType.INQUIRY, Priority.NORMAL, "请帮忙处理", tags, List.of(), null);
    }

    private static List<Long> ids(List<ArticleHit> hits) {
        return hits.stream().map(hit -> hit.article().id()).toList();
    }

    /** A word no other test writes: lower-case letters, so that it is one term. */
    private static String marker() {
        return "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).replaceAll("[0-9]", "x");
    }
}
