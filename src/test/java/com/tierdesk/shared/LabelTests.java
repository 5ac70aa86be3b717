package com.tierdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LabelTests {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final Locale EN = Locale.ENGLISH;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void showsTheReadersLanguageAndFallsBackToTheOtherWhenOneIsMissing() {
        Label both = new Label("价值", "Value");
        assertThat(both.in(ZH)).isEqualTo("价值");
        assertThat(both.in(Locale.TRADITIONAL_CHINESE)).isEqualTo("价值");
        assertThat(both.in(EN)).isEqualTo("Value");
        assertThat(both.in(Locale.GERMAN)).as("any other language reads English").isEqualTo("Value");

        assertThat(new Label("服装", null).in(EN)).isEqualTo("服装");
        assertThat(new Label(" ", "Apparel").in(ZH)).as("blank is missing").isEqualTo("Apparel");
        assertThat(new Label(" 服装 ", null).zh()).isEqualTo("服装");
    }

    @Test
    void readsAnObjectOrAPlainStringAndWritesBothLanguages() {
        assertThat(json.readValue("{\"zh\": \"潜力\", \"en\": \"Potential\"}", Label.class)).isEqualTo(new Label("潜力", "Potential"));
        assertThat(json.readValue("{\"en\": \"Potential\"}", Label.class)).isEqualTo(new Label(null, "Potential"));
        assertThat(json.readValue("\"Loyalty\"", Label.class)).as("a name written before labels were bilingual")
                .isEqualTo(new Label("Loyalty", "Loyalty"));
        assertThat(json.writeValueAsString(new Label("忠诚度", "Loyalty"))).isEqualTo("{\"zh\":\"忠诚度\",\"en\":\"Loyalty\"}");
    }

    @Test
    void aLabelNeedsOneLanguageAndEachTextFollowsTheTextRules() {
        assertThat(new Label(null, "Value").problem(100)).isEmpty();
        assertThat(new Label(" ", null).problem(100)).contains(Reason.of("problem.required"));
        assertThat(Label.problemOf(null, 100)).contains(Reason.of("problem.required"));
        assertThat(new Label("价\u0007值", "Value").problem(100)).hasValueSatisfying(
                reason -> assertThat(reason.code()).isEqualTo("problem.control-character"));
        assertThat(new Label("价值", "V".repeat(101)).problem(100)).contains(Reason.of("problem.too-long", 100));
    }
}
