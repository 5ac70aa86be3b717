package com.tierdesk.tiering.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.Label;
import com.tierdesk.tiering.scoring.Indicator.Direction;
import com.tierdesk.tiering.scoring.Normalisation.Breakpoints.Point;
import com.tierdesk.tiering.scoring.Normalisation.Breakpoints;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ScoringModelTests {

    private static final List<String> LADDER = List.of("VIP", "KEY", "REGULAR", "WATCH");
    private static final List<String> METRICS = List.of("spend_12m", "average_order_value", "industry_growth",
            "order_growth_rate", "new_needs_12m", "purchase_probability", "repurchase_rate", "referral_rate", "complaint_rate");

    /** The default model's shape (docs/tiering.md): Value 50 (spend 80, AOV 20), Potential 30 (four × 25), Loyalty 20 (50/25/25). */
    private static final ScoringModel DEFAULT_SHAPE = ScoringModel.weighted(Label.of("default"), List.of(
            new Dimension(Label.of("Value"), 50, List.of(
                    linear("spend_12m", 10_000, 80), linear("average_order_value", 1_000, 20))),
            new Dimension(Label.of("Potential"), 30, List.of(
                    linear("industry_growth", 0.2, 25), between("order_growth_rate", -1, 1, 25),
                    linear("new_needs_12m", 10, 25), linear("purchase_probability", 1, 25))),
            new Dimension(Label.of("Loyalty"), 20, List.of(
                    linear("repurchase_rate", 1, 50), linear("referral_rate", 0.5, 25),
                    new Indicator("complaint_rate", breakpoints(0, 0.2), Direction.LOWER_IS_BETTER, 25)))));

    @Test
    void aDimensionIsNamedInBothLanguagesOrByAPlainStringReadAsBoth() {
        JsonMapper json = JsonMapper.builder().build();
        String written = json.writeValueAsString(ModelPresets.valuePotentialLoyalty());
        assertThat(written).contains("\"name\":{\"zh\":\"价值\",\"en\":\"Value\"}");
        assertThat(json.readValue(written, ScoringModel.class).dimensions()).extracting(Dimension::name).containsExactly(
                new Label("价值", "Value"), new Label("潜力", "Potential"), new Label("忠诚度", "Loyalty"));

        ScoringModel older = json.readValue(written.replace("{\"zh\":\"价值\",\"en\":\"Value\"}", "\"Value\"")
                .replace("{\"zh\":\"潜力\",\"en\":\"Potential\"}", "{\"zh\":\"潜力\"}"), ScoringModel.class);
        assertThat(older.dimensions().get(0).name()).as("a model written before names were bilingual")
                .isEqualTo(new Label("Value", "Value"));
        assertThat(older.dimensions().get(1).name().in(java.util.Locale.ENGLISH)).as("one language only").isEqualTo("潜力");
        assertThat(older.problems(LADDER)).isEmpty();
        assertThat(older.scorecard(new double[9], new double[9]).contributions().get(0).dimension())
                .isEqualTo(new Label("Value", "Value"));

        ScoringModel unnamed = json.readValue(written.replace("{\"zh\":\"价值\",\"en\":\"Value\"}", "{\"zh\":\" \"}"),
                ScoringModel.class);
        assertThat(unnamed.problems(LADDER)).containsExactly(FieldProblem.of("dimensions[0].name", "problem.required"));
    }

    @Test
    void everyPresetNamesItselfItsBandsLevelsAndRulesInBothLanguages() {
        for (ScoringModel preset : ModelPresets.all()) {
            List<Label> labels = new java.util.ArrayList<>(List.of(preset.name(), preset.description()));
            preset.dimensions().forEach(dimension -> labels.add(dimension.name()));
            if (preset.rules() != null) {
                preset.rules().bands().forEach(band -> {
                    labels.add(band.name());
                    band.levels().forEach(level -> labels.add(level.label()));
                });
                preset.rules().rules().forEach(rule -> labels.add(rule.label()));
            }
            assertThat(labels).as(preset.name().en()).allSatisfy(label -> {
                assertThat(label.zh()).isNotNull().isNotEqualTo(label.en());
                assertThat(label.en()).isNotNull();
            });
        }
        assertThat(ModelPresets.simpleRules().rules().bands().get(0).label(5)).isEqualTo(new Label("少", "few"));
    }

    @Test
    void aModelWrittenWithPlainTextsReadsThemAsBothLanguagesAndKeepsItsFieldPaths() {
        JsonMapper json = JsonMapper.builder().build();
        String written = json.writeValueAsString(ModelPresets.simpleRules())
                .replaceFirst("\\{\"name\":\\{\"zh\":\"[^\"]*\",\"en\":\"([^\"]*)\"\\},\"description\":\\{\"zh\":\"([^\"]*)\",\"en\":\"[^\"]*\"\\}",
                        "{\"name\":\"$1\",\"description\":\"$2\"")
                .replaceAll("\"(name|label)\":\\{\"zh\":\"[^\"]*\",\"en\":\"([^\"]*)\"\\}", "\"$1\":\"$2\"");
        assertThat(written).doesNotContain("\"zh\"");

        ScoringModel older = json.readValue(written, ScoringModel.class);
        assertThat(older.name()).isEqualTo(Label.of("Simple rules"));
        assertThat(older.description().zh()).startsWith("简单规则分级").isEqualTo(older.description().en());
        assertThat(older.rules().rules().get(1).label()).isEqualTo(Label.of("high value"));
        assertThat(older.rules().bands().get(1).name().in(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("yearly spend");
        assertThat(older.problems(LADDER)).isEmpty();

        ScoringModel blank = json.readValue(written.replace("\"label\":\"high value\"", "\"label\":{\"en\":\" \"}")
                .replace("\"name\":\"yearly spend\"", "\"name\":\"\"").replace("\"label\":\"few\"", "\"label\":null"),
                ScoringModel.class);
        assertThat(blank.problems(LADDER)).containsExactlyInAnyOrder(
                FieldProblem.of("rules.rules[1].label", "problem.required"),
                FieldProblem.of("rules.bands[1].name", "problem.required"),
                FieldProblem.of("rules.bands[0].levels[0].label", "problem.required"));
    }

    @Test
    void reproducesAScorecardComputedByHand() {
        Map<String, Double> raw = Map.of("spend_12m", 5_000.0, "average_order_value", 250.0, "industry_growth", 0.1,
                "order_growth_rate", 0.0, "new_needs_12m", 2.0, "purchase_probability", 0.8, "repurchase_rate", 0.5,
                "referral_rate", 0.1, "complaint_rate", 0.05);

        Scorecard card = DEFAULT_SHAPE.score(raw, Map.of());

        // 0.5 × (0.8 × 50 + 0.2 × 25) + 0.3 × 0.25 × (50 + 50 + 20 + 80) + 0.2 × (0.5 × 50 + 0.25 × 20 + 0.25 × (100 − 25))
        assertThat(card.score()).isCloseTo(47.25, within(1e-9));
        assertThat(card.contributions()).extracting(Scorecard.Contribution::metric, Scorecard.Contribution::normalised,
                Scorecard.Contribution::weight, Scorecard.Contribution::contribution).containsExactly(
                tuple("spend_12m", 50.0, 0.4, 20.0), tuple("average_order_value", 25.0, 0.1, 2.5),
                tuple("industry_growth", 50.0, 0.075, 3.75), tuple("order_growth_rate", 50.0, 0.075, 3.75),
                tuple("new_needs_12m", 20.0, 0.075, 1.5), tuple("purchase_probability", 80.0, 0.075, 6.0),
                tuple("repurchase_rate", 50.0, 0.1, 5.0), tuple("referral_rate", 20.0, 0.05, 1.0),
                tuple("complaint_rate", 75.0, 0.05, 3.75));
        assertThat(card.contributions().stream().mapToDouble(Scorecard.Contribution::contribution).sum())
                .isCloseTo(card.score(), within(1e-9));
    }

    @Test
    void moreSpendNeverLowersTheScoreAndScoresStayWithin0And100() {
        qt().forAll(doubles().between(-1e6, 1e9), doubles().between(0, 1e9), doubles().between(-5, 5))
                .checkAssert((spend, more, other) -> {
                    Map<String, Double> raw = new HashMap<>();
                    METRICS.forEach(metric -> raw.put(metric, other));
                    raw.put("spend_12m", spend);
                    double before = DEFAULT_SHAPE.score(raw, Map.of()).score();
                    raw.put("spend_12m", spend + more);
                    double after = DEFAULT_SHAPE.score(raw, Map.of()).score();

                    assertThat(after).isGreaterThanOrEqualTo(before);
                    assertThat(before).isBetween(0.0, 100.0);
                });
    }

    @Test
    void listsEveryProblemOfABadModel() {
        var bad = ScoringModel.weighted(Label.of("bad"), List.of(
                new Dimension(Label.of("Value"), 60, List.of(linear("spend_12m", 100, 70), linear("lifetime_karma", 1, 20))),
                new Dimension(Label.of("Loyalty"), 30, List.of(new Indicator("repurchase_rate",
                        new Breakpoints(List.of(new Point(1, 0), new Point(0.5, 120))), Direction.HIGHER_IS_BETTER, 100)))));

        assertThat(bad.problems(LADDER)).extracting(FieldProblem::field, problem -> problem.reason().toString()).containsExactly(
                tuple("dimensions", "weights sum to 90%, not 100%"),
                tuple("dimensions[0].indicators", "weights sum to 90%, not 100%"),
                tuple("dimensions[0].indicators[1].metric", "unknown metric 'lifetime_karma'"),
                tuple("dimensions[1].indicators[0].normalisation", "breakpoint 2 has score 120.0, outside 0-100"),
                tuple("dimensions[1].indicators[0].normalisation", "breakpoints must be strictly ascending: 1.0 then 0.5"));
        assertThat(DEFAULT_SHAPE.problems(LADDER)).isEmpty();
        assertThat(DEFAULT_SHAPE.problems(List.of("GOLD", "SILVER"))).extracting(FieldProblem::field)
                .containsExactly("tierPolicy.tiers");
    }

    @Test
    void percentileRanksShareTiesAndLogScaleFlattensTheTail() {
        Population population = Population.of(30, 10, 20, 20);

        assertThat(population.percentileRank(10)).isEqualTo(12.5);
        assertThat(population.percentileRank(20)).isEqualTo(50.0);
        assertThat(population.percentileRank(30)).isEqualTo(87.5);
        assertThat(population.percentileRank(99)).isEqualTo(100.0);

        var log = new Normalisation.LogScale(0, 99);
        assertThat(log.score(9, null)).isCloseTo(50, within(1e-9));
        assertThat(log.score(1e6, null)).isEqualTo(100.0);
        assertThat(new Normalisation.LogScale(5, 5).problems()).hasSize(1);
    }

    private static Indicator linear(String metric, double rawFor100, double weight) {
        return new Indicator(metric, breakpoints(0, rawFor100), Direction.HIGHER_IS_BETTER, weight);
    }

    private static Indicator between(String metric, double rawFor0, double rawFor100, double weight) {
        return new Indicator(metric, breakpoints(rawFor0, rawFor100), Direction.HIGHER_IS_BETTER, weight);
    }

    private static Breakpoints breakpoints(double rawFor0, double rawFor100) {
        return new Breakpoints(List.of(new Point(rawFor0, 0), new Point(rawFor100, 100)));
    }
}
