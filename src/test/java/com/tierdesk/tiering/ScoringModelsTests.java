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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ScoringModelsTests {

    @Autowired
    ScoringModels models;

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

    private static ScoringModel renamed(ScoringModel model, String name) {
        return new ScoringModel(Label.of(name), model.description(), model.dimensions(), model.rules(), model.tierPolicy());
    }
}
