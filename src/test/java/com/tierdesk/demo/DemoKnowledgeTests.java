package com.tierdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.knowledge.ReplyTemplates;
import com.tierdesk.knowledge.TemplateDraft;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoKnowledgeTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");

    @Test
    void aboutTwentyArticlesInBothLanguagesAFewOfThemDrafts() {
        assertThat(DemoKnowledge.ARTICLES).hasSize(20);
        assertThat(DemoKnowledge.ARTICLES).extracting(article -> article.draft().language())
                .containsOnly("zh-CN", "en").contains("zh-CN", "en");
        assertThat(DemoKnowledge.ARTICLES).filteredOn(article -> !article.published()).hasSizeBetween(2, 5);
        assertThat(DemoKnowledge.ARTICLES).extracting(article -> article.draft().title()).doesNotHaveDuplicates();
        assertThat(DemoKnowledge.ARTICLES).filteredOn(DemoKnowledge.DemoArticle::published)
                .flatExtracting(article -> article.draft().tags()).as("the tags of the returns' tickets are answered")
                .contains("rma", "return", "exchange");
    }

    @Test
    void eightQuickRepliesInBothLanguagesUsingOnlyTheVariablesThatAreFilledIn() {
        assertThat(DemoKnowledge.TEMPLATES).hasSize(8);
        assertThat(DemoKnowledge.TEMPLATES).extracting(TemplateDraft::language).contains("zh-CN", "en");
        assertThat(DemoKnowledge.TEMPLATES).extracting(TemplateDraft::name).doesNotHaveDuplicates();
        assertThat(DemoKnowledge.TEMPLATES).allSatisfy(template -> {
            var variables = VARIABLE.matcher(template.body()).results().map(match -> match.group(1)).toList();
            assertThat(variables).isNotEmpty();
            assertThat(ReplyTemplates.VARIABLES).containsAll(variables);
        });
    }
}
