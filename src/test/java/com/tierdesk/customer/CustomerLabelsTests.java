package com.tierdesk.customer;

import static com.tierdesk.customer.CustomerFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.Label;
import com.tierdesk.shared.NotFound;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class CustomerLabelsTests {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    @Autowired
    CustomerLabels labels;

    @Test
    void theShippedIndustriesAndTagsAreLabelledInBothLanguages() {
        LabelDictionary dictionary = labels.dictionary();

        assertThat(dictionary.industry("apparel", ZH)).isEqualTo("服装");
        assertThat(dictionary.industry("apparel", EN)).isEqualTo("Apparel");
        assertThat(dictionary.industry("electronics", ZH)).isEqualTo("电子产品");
        assertThat(dictionary.tag("price-sensitive", ZH)).isEqualTo("价格敏感");
        assertThat(dictionary.tag("promotion-sensitive", EN)).isEqualTo("Promotion-sensitive");
        assertThat(dictionary.tag("wechat-follower", ZH)).isEqualTo("微信粉丝");
        assertThat(labels.list()).filteredOn(label -> "system".equals(label.updatedBy()))
                .allSatisfy(label -> assertThat(label.label().zh()).isNotNull().isNotEqualTo(label.label().en()))
                .extracting(CodeLabel::code).contains("retail", "software", "cosmetics", "newsletter", "bulk-buyer",
                        "gift-buyer", "early-adopter", "app-user");
    }

    @Test
    void aCodeReadsAsItsLabelInTheReadersLanguageThenTheOtherThenAsItself() {
        String chineseOnly = unique("industry");
        String englishOnly = unique("tag");
        labels.set(LabelKind.INDUSTRY, chineseOnly, new Label("新能源", null), "wang");
        labels.set(LabelKind.TAG, " " + englishOnly + " ", new Label(" ", "Night owl"), "wang");
        LabelDictionary dictionary = labels.dictionary();

        assertThat(dictionary.industry(chineseOnly, EN)).isEqualTo("新能源");
        assertThat(dictionary.tag(englishOnly, ZH)).as("stripped code, blank language missing").isEqualTo("Night owl");
        assertThat(dictionary.tag(chineseOnly, ZH)).as("labels are per kind").isEqualTo(chineseOnly);
        assertThat(dictionary.industry("no-such-" + chineseOnly, ZH)).isEqualTo("no-such-" + chineseOnly);
        assertThat(dictionary.industry(null, ZH)).isNull();
    }

    @Test
    void aLabelIsReplacedAndClearedAndRefusedWithItsFieldAndReason() {
        String code = unique("tag");
        labels.set(LabelKind.TAG, code, new Label("夜猫子", "Night owl"), "wang");
        CodeLabel replaced = labels.set(LabelKind.TAG, code, new Label("夜间购物", null), "li");

        assertThat(replaced.label()).isEqualTo(new Label("夜间购物", null));
        assertThat(labels.dictionary().tag(code, EN)).isEqualTo("夜间购物");

        labels.clear(LabelKind.TAG, code);
        assertThat(labels.dictionary().tag(code, ZH)).isEqualTo(code);
        assertThatThrownBy(() -> labels.clear(LabelKind.TAG, code)).isInstanceOf(NotFound.class);

        assertThatThrownBy(() -> labels.set(LabelKind.TAG, "a,b", new Label(null, " "), "wang"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).containsExactly(
                        FieldProblem.of("code", "problem.tag-separators"), FieldProblem.of("label", "problem.required")));
        assertThatThrownBy(() -> labels.set(LabelKind.INDUSTRY, code, new Label("x".repeat(101), null), "wang"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .containsExactly(FieldProblem.of("label", "problem.too-long", 100)));
    }
}
