package com.tierdesk.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.Label;
import com.tierdesk.tiering.scoring.Dimension;
import com.tierdesk.tiering.scoring.ModelPresets;
import com.tierdesk.tiering.scoring.ScoringModel;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
class ScoringModelsTests {

    @Autowired
    ScoringModels models;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void shipsThePresetsOfTheSpecificationWithTheDefaultActive() {
        assertThat(models.list()).extracting(ModelVersion::name)
                .contains(ModelPresets.DEFAULT, ModelPresets.RFM, ModelPresets.SIMPLE_RULES);
        ModelVersion active = models.active();
        assertThat(active.name()).isEqualTo(ModelPresets.DEFAULT);
        assertThat(active.definition()).as("stored and read back unchanged").isEqualTo(ModelPresets.valuePotentialLoyalty());
        assertThat(ModelPresets.all()).allSatisfy(preset -> assertThat(models.validate(preset)).isEmpty());
    }

    @Test
    void anEditMakesANewVersionAndOldVersionsStayReadable() {
        ScoringModel original = renamed(ModelPresets.rfmScorecard(), "RFM " + UUID.randomUUID());
        ModelVersion first = models.create(original, "copy of the preset", "analyst");
        ScoringModel edited = new ScoringModel(original.name(), Label.of("heavier on money"), original.dimensions(), null,
                original.tierPolicy());

        ModelVersion second = models.update(first.modelId(), edited, 1, "description", "analyst");

        assertThat(second.version()).isEqualTo(2);
        assertThat(models.get(first.modelId(), 1).definition()).isEqualTo(original);
        assertThat(models.get(first.modelId(), 1).latest()).isFalse();
        assertThat(models.get(first.modelId()).definition().description()).isEqualTo(Label.of("heavier on money"));
        assertThatThrownBy(() -> models.update(first.modelId(), edited, 1, null, "someone else"))
                .isInstanceOf(Conflict.class).hasMessageContaining("latest version is 2");
    }

    @Test
    void refusesABadDefinitionWithEveryProblem() {
        ScoringModel bad = new ScoringModel(Label.of(" "), null, List.of(new Dimension(Label.of("Value"), 80, List.of())), null,
                ModelPresets.valuePotentialLoyalty().tierPolicy());

        assertThatThrownBy(() -> models.create(bad, null, "analyst")).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .contains("name", "dimensions", "dimensions[0].indicators"));
    }

    @Test
    void aModelIsFoundByItsNameInEitherLanguageAndNoOtherModelMayTakeEither() {
        String unique = UUID.randomUUID().toString();
        ScoringModel named = relabelled(ModelPresets.rfmScorecard(), new Label("评分卡 " + unique, "scorecard " + unique));
        ModelVersion created = models.create(named, null, "analyst");

        assertThat(models.named(Label.of("评分卡 " + unique))).map(ModelVersion::modelId).contains(created.modelId());
        assertThat(models.named(new Label(null, "scorecard " + unique))).map(ModelVersion::modelId).contains(created.modelId());
        assertThat(models.named(Label.of("nothing " + unique))).isEmpty();
        assertThatThrownBy(() -> models.create(renamed(ModelPresets.rfmScorecard(), "scorecard " + unique), null, "analyst"))
                .as("the English name as another model's name in both languages").isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> models.create(relabelled(ModelPresets.rfmScorecard(), new Label("x " + unique, "评分卡 " + unique)),
                null, "analyst")).as("the Chinese name as another model's English name").isInstanceOf(Conflict.class);
        assertThat(models.update(created.modelId(), relabelled(named, new Label("评分卡 " + unique, "renamed " + unique)), null,
                null, "analyst").name()).as("a model keeps its own names").isEqualTo(new Label("评分卡 " + unique, "renamed " + unique));
        assertThat(models.named(Label.of("scorecard " + unique))).isEmpty();
    }

    @Test
    void presetsStoredWithPlainTextsAreNamedInBothLanguagesByTheMigration() throws Exception {
        ModelVersion preset = models.named(ModelPresets.SIMPLE_RULES).orElseThrow();
        String plain = json.writeValueAsString(ModelPresets.simpleRules())
                .replace("{\"zh\":\"简单规则\",\"en\":\"Simple rules\"}", "\"Simple rules\"")
                .replaceFirst("\"description\":\\{\"zh\":\"([^\"]*)\",\"en\":\"[^\"]*\"\\}", "\"description\":\"$1\"")
                .replaceAll("\"(name|label)\":\\{\"zh\":\"[^\"]*\",\"en\":\"([^\"]*)\"\\}", "\"$1\":\"$2\"");
        int version = preset.version() + 1;
        jdbc.sql("INSERT INTO scoring_model_version (model_id, version, definition, created_at, created_by) "
                        + "VALUES (:id, :version, :definition, CURRENT_TIMESTAMP, 'test')")
                .param("id", preset.modelId()).param("version", version).param("definition", plain).update();
        try {
            try (Connection connection = dataSource.getConnection()) {
                ScriptUtils.executeSqlScript(connection,
                        new ClassPathResource("db/migration/V89__tiering_bilingual_preset_texts.sql"));
            }
            assertThat(models.get(preset.modelId(), version).definition()).isEqualTo(ModelPresets.simpleRules());
        } finally {
            jdbc.sql("DELETE FROM scoring_model_version WHERE model_id = :id AND version = :version")
                    .param("id", preset.modelId()).param("version", version).update();
        }
    }

    private static ScoringModel relabelled(ScoringModel model, Label name) {
        return new ScoringModel(name, model.description(), model.dimensions(), model.rules(), model.tierPolicy());
    }

    private static ScoringModel renamed(ScoringModel model, String name) {
        return relabelled(model, Label.of(name));
    }
}
