package com.tierdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.shared.Reason;
import org.junit.jupiter.api.Test;

class TextRulesTests {

    @Test
    void aLineRefusesEveryControlCharacterAndAMultilineTextAllowsLineBreaksAndTabs() {
        assertThat(TextRules.line("客户\t名称", 20).map(Reason::toString)).hasValue("must not contain control characters (U+0009 at position 3)");
        assertThat(TextRules.multiline("第一行\r\n第二行\t末尾", 20)).isEmpty();
        assertThat(TextRules.multiline("bell\u0007", 20).map(Reason::toString)).hasValue("must not contain control characters (U+0007 at position 5)");
        assertThat(TextRules.multiline("del\u007f", 20)).isPresent();
        assertThat(TextRules.line("c1\u0085", 20)).isPresent();
    }

    @Test
    void aWholeSurrogatePairIsOneCharacterAndHalfOfOneIsRefused() {
        assertThat(TextRules.line("表情😀", 20)).isEmpty();
        assertThat(TextRules.line("x\ud83d", 20).map(Reason::toString)).hasValue("must not contain a lone surrogate (U+D83D at position 2)");
        assertThat(TextRules.line("\ude00x", 20).map(Reason::toString)).hasValue("must not contain a lone surrogate (U+DE00 at position 1)");
    }

    @Test
    void lengthCountsTheStrippedTextAndRequiredRefusesBlank() {
        assertThat(TextRules.line("  abc  ", 3)).isEmpty();
        assertThat(TextRules.line("abcd", 3).map(Reason::toString)).hasValue("must be at most 3 characters");
        assertThat(TextRules.requiredLine("   ", 3).map(Reason::toString)).hasValue("is required");
        assertThat(TextRules.requiredLine(null, 3).map(Reason::toString)).hasValue("is required");
        assertThat(TextRules.line(null, 3)).isEmpty();
    }
}
