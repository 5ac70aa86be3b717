package com.tierdesk.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.shared.Label;
import com.tierdesk.tiering.ModelVersion;
import com.tierdesk.tiering.ScoringModels;
import com.tierdesk.tiering.scoring.ModelPresets;
import com.tierdesk.tiering.scoring.ScoringModel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

class ModelConsoleTests extends ConsoleTestSupport {

    @Autowired
    ScoringModels models;

    @Autowired
    JsonMapper json;

    @Test
    void theListMarksTheActiveModelAndTheViewDescribesEveryIndicatorInWords() throws Exception {
        ModelVersion active = models.active();

        assertThat(html(get("/tiering/models").with(as("agent", "AGENT"))))
                .contains("href=\"/tiering/models/" + active.modelId() + "\">" + active.name().in(Locale.SIMPLIFIED_CHINESE) + "</a>")
                .contains("<span class=\"badge active\">启用中</span>").doesNotContain("id=\"new-model\"");
        String view = html(get("/tiering/models/{id}/versions/1", idOf(ModelPresets.RFM)).with(as("agent", "AGENT")));
        assertThat(view).as("dimensions in the reader's language").contains(">消费金额 35%</th>").doesNotContain("Monetary")
                .contains("分段线性，原始值 → 分数：0 → 0, 50000 → 50, 200000 → 70, 500000 → 90")
                .contains("分段线性，原始值 → 分数：0 → 0, 30 → 10, 60 → 25, 90 → 45, 180 → 80, 365 → 100")
                .contains("越低越好（分数取反）").contains("按分数门槛").doesNotContain("id=\"edit-model\"");
        assertThat(html(get("/tiering/models/{id}/versions/1", idOf(ModelPresets.RFM)).param("lang", "en")
                .with(as("agent", "AGENT")))).contains(">Monetary 35%</th>").doesNotContain(">消费金额 35%</th>");
        String rules = html(get("/tiering/models/{id}", idOf(ModelPresets.SIMPLE_RULES)).param("lang", "en")
                .with(as("wang", "SUPERVISOR")));
        assertThat(rules).contains("few &lt; 10, medium ≤ 50, many")
                .contains("(<span class=\"condition\" title=\"spend_12m\">Spend, 12 months &gt; 10000</span><span> and </span>"
                        + "<span class=\"condition\" title=\"order_count_12m\">Paid orders, 12 months ≥ 10</span>)")
                .contains("id=\"edit-model\"").contains("id=\"activate-model\"");
        assertThat(html(get("/tiering/models/{id}", idOf(ModelPresets.SIMPLE_RULES)).with(as("agent", "AGENT"))))
                .as("names, bands and rules in the reader's language").contains("简单规则 · v").contains("少 &lt; 10, 中 ≤ 50, 多")
                .contains(">年消费</td>").contains(">高价值</strong>").doesNotContain("Simple rules");
        mvc.perform(get("/tiering/models/{id}", 987_654L).with(as("agent", "AGENT"))).andExpect(status().isNotFound());
    }

    @Test
    void onlySupervisorsEditAndTheEditorHoldsTheDefinitionAsJson() throws Exception {
        long id = idOf(ModelPresets.DEFAULT);
        mvc.perform(get("/tiering/models/{id}/edit", id).with(as("agent", "AGENT"))).andExpect(status().isForbidden());
        mvc.perform(post("/tiering/models/{id}", id).param("lang", "en").with(as("agent", "AGENT")).with(csrf()).param("definition", "{}"))
                .andExpect(status().isForbidden());

        String editor = html(get("/tiering/models/{id}/edit", id).with(as("wang", "SUPERVISOR")));
        assertThat(editor).contains("<textarea id=\"definition\" name=\"definition\"")
                .contains("&quot;zh&quot; : &quot;价值 50 · 潜力 30 · 忠诚度 20&quot;")
                .contains("&quot;en&quot; : &quot;Value 50 · Potential 30 · Loyalty 20&quot;")
                .contains("name=\"basedOnVersion\" value=\"" + models.get(id).version() + "\"")
                .contains("hx-post=\"/tiering/models/validate\"").contains("spend_12m");
    }

    @Test
    void validatingShowsEveryProblemWithItsFieldPathAsAFragment() throws Exception {
        String broken = json.writeValueAsString(ModelPresets.valuePotentialLoyalty())
                .replace("\"weight\":50.0", "\"weight\":55.0").replace("\"spend_12m\"", "\"karma\"");

        String fragment = html(post("/tiering/models/validate").param("lang", "en").with(as("agent", "AGENT")).with(csrf())
                .header("HX-Request", "true").param("definition", broken));
        assertThat(fragment).startsWith("<section id=\"validation\"").doesNotContain("<html")
                .contains("dimensions: weights sum to 105%, not 100%")
                .contains("dimensions[0].indicators[0].metric: unknown metric &#39;karma&#39;");
        assertThat(html(post("/tiering/models/validate").param("lang", "en").with(as("agent", "AGENT")).with(csrf())
                .param("definition", "{\"name\": \"x\", \"dimensions\": [{\"weight\": \"heavy\"}]}")))
                .contains("dimensions[0].weight: must be a number");
        assertThat(html(post("/tiering/models/validate").param("lang", "en").with(as("agent", "AGENT")).with(csrf())
                .param("definition", "{\"name\": ")))
                .contains("malformed JSON").contains("(line 1, column");
        assertThat(html(post("/tiering/models/validate").param("lang", "en").with(as("agent", "AGENT")).with(csrf())
                .param("definition", json.writeValueAsString(ModelPresets.rfmScorecard()))))
                .contains("id=\"model-valid\"");
    }

    @Test
    void savingAddsAVersionAStaleEditIsRefusedWith409() throws Exception {
        ModelVersion created = models.create(copy(ModelPresets.rfmScorecard()), "copy", "wang");
        String url = "/tiering/models/" + created.modelId();
        String edited = json.writeValueAsString(created.definition()).replace("\"minimumPopulationForQuotas\":100",
                "\"minimumPopulationForQuotas\":500");

        mvc.perform(post(url).with(as("wang", "SUPERVISOR")).with(csrf()).param("definition", edited)
                        .param("basedOnVersion", "1").param("note", "bigger population"))
                .andExpect(redirectedUrl(url));
        assertThat(models.get(created.modelId()).version()).isEqualTo(2);
        assertThat(models.get(created.modelId()).definition().tierPolicy().minimumPopulationForQuotas()).isEqualTo(500);

        String stale = mvc.perform(post(url).param("lang", "en").with(as("zhou", "SUPERVISOR")).with(csrf()).param("definition", edited)
                        .param("basedOnVersion", "1"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(stale).contains("id=\"model-conflict\"").contains("the model was changed since version 1")
                .contains("minimumPopulationForQuotas");
        String invalid = html(post(url).with(as("wang", "SUPERVISOR")).with(csrf())
                .param("definition", edited.replace("\"THRESHOLDS\"", "\"LOTTERY\"")).param("basedOnVersion", "2"));
        assertThat(invalid).contains("id=\"model-problems\"").contains("tierPolicy.grading");
        assertThat(models.get(created.modelId()).version()).isEqualTo(2);
    }

    @Test
    void aNewModelStartsFromAPresetAndCanBeMadeActive() throws Exception {
        String editor = html(get("/tiering/models/new").param("preset", "2").with(as("wang", "SUPERVISOR")));
        assertThat(editor).contains("Simple rules (copy)").contains("简单规则（副本）").contains("action=\"/tiering/models\"");
        mvc.perform(get("/tiering/models/new").param("preset", "9").with(as("wang", "SUPERVISOR")))
                .andExpect(status().isNotFound());

        String name = "Rules " + UUID.randomUUID();
        String definition = json.writeValueAsString(copy(ModelPresets.simpleRules())).replaceFirst("^\\{\"name\":\\{[^}]*\\}",
                "{\"name\":\"" + name + "\"");
        String location = mvc.perform(post("/tiering/models").param("lang", "en").with(as("wang", "SUPERVISOR")).with(csrf())
                        .param("definition", definition).param("note", "from the preset"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(models.get(id).name()).as("a plain name reads as both languages").isEqualTo(Label.of(name));
        assertThat(mvc.perform(post("/tiering/models").param("lang", "en").with(as("wang", "SUPERVISOR")).with(csrf())
                        .param("definition", definition)).andExpect(status().isConflict()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("exists already");

        ModelVersion previouslyActive = models.active();
        try {
            mvc.perform(post("/tiering/models/{id}/activate", id).param("lang", "en").with(as("agent", "AGENT")).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/tiering/models/{id}/activate", id).param("lang", "en").with(as("wang", "SUPERVISOR")).with(csrf()))
                    .andExpect(redirectedUrl("/tiering/models/" + id));
            assertThat(models.active().modelId()).isEqualTo(id);
        } finally {
            models.activate(previouslyActive.modelId(), "test");
        }
    }

    private static ScoringModel copy(ScoringModel preset) {
        String unique = " " + UUID.randomUUID();
        return new ScoringModel(new Label(preset.name().zh() + unique, preset.name().en() + unique), preset.description(), preset.dimensions(),
                preset.rules(), preset.tierPolicy());
    }

    private long idOf(Label name) {
        return models.list().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().modelId();
    }

}
