package com.tierdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SearchTermsTests {

    @Test
    void splitsChineseIntoOverlappingPairs() {
        assertThat(SearchTerms.of("我想申请退货")).containsExactly("我想", "想申", "申请", "请退", "退货");
    }

    @Test
    void keepsASingleChineseCharacterAsItself() {
        assertThat(SearchTerms.of("退 款")).containsExactly("退", "款");
    }

    @Test
    void lowerCasesOtherWordsAndSplitsMixedText() {
        assertThat(SearchTerms.of("Return the iPhone 15 退货流程, please!"))
                .containsExactly("return", "the", "iphone", "15", "退货", "货流", "流程", "please");
    }

    @Test
    void countsRepeatedTerms() {
        assertThat(SearchTerms.counted("退货 退货 refund Refund")).containsEntry("退货", 2).containsEntry("refund", 2);
    }

    @Test
    void givesNothingForEmptyOrPunctuation() {
        assertThat(SearchTerms.of(null)).isEmpty();
        assertThat(SearchTerms.of(" ，。!?")).isEmpty();
    }

    @Test
    void cutsOverlongWordsAtTheColumnWidth() {
        assertThat(SearchTerms.of("a".repeat(100))).containsExactly("a".repeat(SearchTerms.MAX_TERM));
    }

    /** Every two-character piece of Chinese in a title is among the title's terms, so a query of it matches. */
    @Test
    void everyPairOfAChineseTitleIsATermOfIt() {
        qt().forAll(lists().of(integers().between(0x4E00, 0x9FA5)).ofSizeBetween(2, 30),
                integers().between(0, 28)).checkAssert((codePoints, from) -> {
                    String title = codePoints.stream().map(Character::toString).collect(Collectors.joining());
                    int start = Math.min(from, codePoints.size() - 2);
                    String query = title.substring(start, start + 2);
                    List<String> queryTerms = SearchTerms.of(query);
                    assertThat(SearchTerms.of("标题：" + title + "。")).containsAll(queryTerms);
                    assertThat(queryTerms).containsExactly(query);
                });
    }
}
