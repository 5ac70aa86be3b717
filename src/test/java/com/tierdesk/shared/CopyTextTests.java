package com.tierdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text reaches PostgreSQL's COPY text format with exactly the characters COPY reads specially escaped. */
class CopyTextTests {

    @Test
    void escapesTheBackslashTabNewlineAndCarriageReturn() {
        StringBuilder text = new StringBuilder("a\t");

        CopyText.appendEscaped(text, "C:\\shop\tB2B\nline\rend");

        assertThat(text).hasToString("a\tC:\\\\shop\\tB2B\\nline\\rend");
    }

    @Test
    void leavesOtherTextAsItIs() {
        StringBuilder text = new StringBuilder();

        CopyText.appendEscaped(text, "零售 \"retail\", 50%");

        assertThat(text).hasToString("零售 \"retail\", 50%");
    }
}
