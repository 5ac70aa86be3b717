package com.tierdesk.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.Label;
import com.tierdesk.tiering.AssessmentRun;
import com.tierdesk.tiering.IndustryGrowth;
import com.tierdesk.tiering.RunStatus;
import com.tierdesk.tiering.ScoringModels;
import com.tierdesk.tiering.Tier;
import com.tierdesk.tiering.TierCatalog;
import com.tierdesk.tiering.scoring.GradingRules;
import com.tierdesk.tiering.scoring.ModelPresets;
import com.tierdesk.tiering.scoring.ScoringModel;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * One input policy for the tiering module: hostile numbers, texts, sizes and dates get 400 or 422 with the field
 * (never 500), and nothing is written.
 */
class TieringInputPolicyTests extends ConsoleTestSupport {

    @Autowired
    JsonMapper json;

    @Autowired
    ScoringModels models;

    @Autowired
    TierCatalog tierCatalog;

    @Autowired
    IndustryGrowth industryGrowth;

    private String preset() {
        ScoringModel preset = ModelPresets.valuePotentialLoyalty();
        return json.writeValueAsString(new ScoringModel(Label.of("policy " + UUID.randomUUID()), preset.description(),
                preset.dimensions(), preset.rules(), preset.tierPolicy()));
    }

    @Test
    void weightsThatAreNotFiniteOrOverflowTheirSumAreRefusedWithTheirField() throws Exception {
        refused(send(post("/api/v1/tiering/models"), "{\"definition\": "
                + preset().replaceFirst("\"weight\":50.0", "\"weight\":1e309") + "}"), 422, "dimensions[0].weight");
        refused(send(post("/api/v1/tiering/models"), "{\"definition\": " + preset()
                .replaceFirst("\"weight\":50.0", "\"weight\":1e308").replaceFirst("\"weight\":30.0", "\"weight\":1e308")
                + "}"), 422, "dimensions[0].weight", "dimensions[1].weight");
        refused(send(post("/api/v1/tiering/models"), "{\"definition\": "
                + preset().replaceFirst("\"weight\":50.0", "\"weight\":\"NaN\"") + "}"), 422, "dimensions[0].weight");
        refused(send(post("/api/v1/tiering/models"), "{\"definition\": "
                + preset().replaceFirst("\"weight\":50.0", "\"weight\":NaN") + "}"), 400, "definition.dimensions[0]");
        send(post("/api/v1/tiering/models/validate"), preset().replaceFirst("\"weight\":50.0", "\"weight\":-1e309"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[*].field", hasItem("dimensions[0].weight")));
    }

    @Test
    void breakpointsLogScalesQuotasAndBandsOutOfRangeAreRefused() throws Exception {
        refused(send(post("/api/v1/tiering/models/validate"), preset().replaceFirst("\"raw\":0.0", "\"raw\":-1e309")), 200,
                "dimensions[0].indicators[0].normalisation");
        refused(send(post("/api/v1/tiering/models/validate"), preset().replaceFirst(
                "\\{\"type\":\"BREAKPOINTS\",\"points\":\\[[^\\]]*\\]\\}", "{\"type\":\"LOG_SCALE\",\"min\":0,\"max\":1e309}")),
                200, "dimensions[0].indicators[0].normalisation");
        refused(send(post("/api/v1/tiering/models/validate"), preset()
                .replaceFirst("\"quotaPercent\":10.0", "\"quotaPercent\":1e309").replace("\"THRESHOLDS\"", "\"QUOTAS\"")),
                200, "tierPolicy.tiers[0].quotaPercent");
        refused(send(post("/api/v1/tiering/models/validate"), json.writeValueAsString(ModelPresets.simpleRules())
                .replaceFirst("\"upTo\":10.0", "\"upTo\":1e309")), 200, "rules.bands[0].levels[0].upTo");
    }

    @Test
    void missingPartsOfADefinitionAreNamedByTheirField() throws Exception {
        refused(send(post("/api/v1/tiering/models/validate"), preset().replaceFirst("\"dimensions\":\\[", "\"dimensions\":[null,")),
                200, "dimensions[0]");
        refused(send(post("/api/v1/tiering/models/validate"), preset().replaceFirst("\"points\":\\[", "\"points\":[null,")),
                200, "dimensions[0].indicators[0].normalisation");
        refused(send(post("/api/v1/tiering/models/validate"), json.writeValueAsString(ModelPresets.simpleRules())
                .replaceFirst("\"anyOf\":\\[\\[", "\"anyOf\":[null,[").replaceFirst("\"levels\":\\[", "\"levels\":[null,")),
                200, "rules.rules[0].anyOf", "rules.bands[0].levels[0]");
        refused(send(put("/api/v1/tiering/tiers"), "[null, {\"code\": \"KEY\", \"nameZh\": \"重点\", \"nameEn\": \"Key\"}]"),
                422, "tiers[0]");
    }

    @Test
    void aLadderIsGivenInOrderWithoutRanks() throws Exception {
        String ladder = tierCatalog.tiers().stream().map(tier -> "{\"code\": \"" + tier.code() + "\", \"nameZh\": \""
                + tier.nameZh() + "\", \"nameEn\": \"" + tier.nameEn() + "\"}").collect(Collectors.joining(",", "[", "]"));

        send(put("/api/v1/tiering/tiers"), ladder).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("VIP")).andExpect(jsonPath("$[0].rank").value(1))
                .andExpect(jsonPath("$[3].rank").value(4));
    }

    @Test
    void hugeListsAndTextsAreRefusedWithoutBeingEchoedBack() throws Exception {
        String manyTiers = "{\"code\":\"VIP\",\"minimumScore\":1},".repeat(200_000);
        MvcResult tiers = refused(send(post("/api/v1/tiering/models/validate"),
                preset().replaceFirst("\"tiers\":\\[", "\"tiers\":[" + manyTiers)), 200, "tierPolicy.tiers").andReturn();
        assertThat(tiers.getResponse().getContentAsString()).hasSizeLessThan(2_000).contains("200004 tiers");

        String points = IntStream.range(0, 5_000).mapToObj(i -> "{\"raw\":" + i + ",\"score\":" + i / 50.0 + "}")
                .collect(Collectors.joining(","));
        String longDefinition = preset().replaceFirst("\"points\":\\[[^\\]]*\\]", "\"points\":[" + points + "]");
        refused(send(post("/api/v1/tiering/models"), "{\"definition\": " + longDefinition + "}"), 422, "definition");
        refused(send(post("/api/v1/tiering/models"), "{\"note\": \"" + "n".repeat(5_000) + "\", \"definition\": "
                + preset() + "}"), 422, "note");
        refused(send(post("/api/v1/tiering/models"), "{\"definition\": " + preset().replace("\"Value\"",
                "\"" + "v".repeat(70_000) + "\"") + "}"), 422, "dimensions[0].name");
        refused(send(post("/api/v1/tiering/models/validate"), "[".repeat(100_000) + "]".repeat(100_000)), 400);
    }

    @Test
    void runDatesMustBeDatesBetween1900AndToday() throws Exception {
        refused(send(post("/api/v1/tiering/runs"), "{\"asOf\": 12345}"), 400, "asOf");
        refused(send(post("/api/v1/tiering/runs"), "{\"asOf\": \"-99999-01-01\"}"), 422, "asOf");
        refused(send(post("/api/v1/tiering/runs"), "{\"asOf\": \"+99999-01-01\"}"), 422, "asOf");
        refused(send(post("/api/v1/tiering/runs"), "{\"asOf\": \"1899-12-31\"}"), 422, "asOf");
    }

    @Test
    void segmentsOfTooManyOrTooLongValuesAreRefused() throws Exception {
        String today = activity.today().toString();
        String million = IntStream.range(0, 1_000_000).mapToObj(i -> "\"C" + i + "\"").collect(Collectors.joining(","));
        refused(send(post("/api/v1/tiering/runs"), "{\"asOf\": \"" + today + "\", \"segment\": {\"codes\": [" + million
                + "]}}"), 422, "segment.codes");
        String industries = IntStream.range(0, 5_000).mapToObj(i -> "\"" + "industry-" + i + "-" + "x".repeat(60) + "\"")
                .collect(Collectors.joining(","));
        refused(send(post("/api/v1/tiering/runs"), "{\"asOf\": \"" + today + "\", \"segment\": {\"industries\": ["
                + industries + "]}}"), 422, "segment");
        refused(send(post("/api/v1/tiering/runs"), "{\"asOf\": \"" + today + "\", \"segment\": {\"tags\": [\""
                + "t".repeat(300) + "\"]}}"), 422, "segment.tags[0]");
        refused(send(post("/api/v1/tiering/runs"), "{\"asOf\": \"" + today + "\", \"segment\": {\"tiers\": ["
                + "\"GOLD\",".repeat(100_000) + "\"GOLD\"]}}"), 422, "segment.tiers[0]");
    }

    @Test
    void theRunFormRefusesControlCharactersInTheSegmentAndTheReason() throws Exception {
        String page = html(post("/tiering/runs").param("lang", "en").with(as("analyst", "SUPERVISOR")).with(csrf())
                .param("asOf", activity.today().toString()).param("codes", "C1\u0001C2").param("reason", "why\u0007")
                .param("regions", "north\uD800"));

        assertThat(page).contains("id=\"run-problems\"").contains("reason: must not contain control characters")
                .contains("segment.codes[0]: must not contain control characters")
                .contains("segment.regions[0]: must not contain a lone surrogate");
    }

    @Test
    void decisionNotesLongerThanTheirColumnOrWithControlCharactersAreRefusedAndNothingIsDecided() throws Exception {
        AssessmentRun run = assessed("analyst", aBuyer("900.00"));
        String url = "/api/v1/tiering/runs/" + run.id();

        refused(send(post(url + "/approve"), "{\"note\": \"" + "n".repeat(5_000_000) + "\"}"), 422, "note");
        refused(send(post(url + "/reject"), "{\"note\": \"" + "n".repeat(20_000_000) + "\"}"), 422, "note");
        MvcResult console = mvc.perform(post("/tiering/runs/{id}/approve", run.id()).with(as("wang", "SUPERVISOR"))
                .with(csrf()).param("note", "fine\u0007").param("lang", "en")).andReturn();
        assertThat(html(get("/tiering/runs/{id}", run.id()).flashAttrs(console.getFlashMap()).with(as("wang", "SUPERVISOR"))))
                .contains("note: must not contain control characters");

        assertThat(assessments.get(run.id()).status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
    }

    @Test
    void textsOfTheModuleRefuseControlCharactersAndLoneSurrogatesWhereverTheyComeFrom() throws Exception {
        String editor = html(post("/tiering/models").param("lang", "en").with(as("wang", "SUPERVISOR")).with(csrf())
                .param("definition", preset().replaceFirst("\"zh\":\"policy ", "\"zh\":\"po\\\\u0001licy ")));
        assertThat(editor).contains("id=\"model-problems\"").contains("name.zh: must not contain control characters");
        assertThat(html(post("/tiering/models/validate").param("lang", "en").with(as("agent", "AGENT")).with(csrf())
                .param("definition", preset().replace("\"Value\"", "\"Val\\ud800ue\""))))
                .contains("dimensions[0].name.en: must not contain a lone surrogate");

        ScoringModel rules = ModelPresets.simpleRules();
        GradingRules.Rule first = rules.rules().rules().get(0);
        var badLabel = new ScoringModel(Label.of("rules " + UUID.randomUUID()), null, List.of(), new GradingRules(rules.rules().bands(),
                List.of(new GradingRules.Rule(first.tier(), Label.of("high\u0000value"), first.anyOf())), "WATCH"), rules.tierPolicy());
        assertThat(models.validate(badLabel)).extracting(FieldProblem::field).containsExactly("rules.rules[0].label");

        assertThatThrownBy(() -> tierCatalog.replace(List.of(new Tier("VIP", 1, "贵宾\u0001", "VIP"),
                new Tier("KEY", 2, "重点", "Key\uDC00")), "admin")).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("tiers[0].nameZh", "tiers[1].nameEn"));
        assertThat(tierCatalog.codes()).as("the ladder stays").startsWith("VIP", "KEY", "REGULAR");

        String growth = html(post("/tiering/industry-growth").param("lang", "en").with(as("wang", "SUPERVISOR")).with(csrf())
                .param("industry", "retail\u0001").param("year", "2026").param("growthPercent", "5")
                .param("source", "s".repeat(300)));
        assertThat(growth).contains("industry: must not contain control characters")
                .contains("source: must be at most 200 characters");
        assertThat(industryGrowth.rates()).noneMatch(rate -> rate.industry().contains("\u0001"));
    }

    @Test
    void aResultPageSaysWhichPageItHolds() throws Exception {
        AssessmentRun run = assessed("analyst", aBuyer("900.00"));

        mvc.perform(get("/api/v1/tiering/runs/{id}/results", run.id()).param("offset", "-5").param("limit", "2147483647")
                .with(as("agent", "AGENT"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.offset").value(0)).andExpect(jsonPath("$.limit").value(500))
                .andExpect(jsonPath("$.total").value(1));
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(user("wang").roles("SUPERVISOR", "ADMIN")).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** The answer has the status and names every field; a validation (200) says the definition is not valid. */
    private static ResultActions refused(ResultActions result, int status, String... fields) throws Exception {
        result.andExpect(status().is(status));
        if (status == 200) {
            result.andExpect(jsonPath("$.valid").value(false));
        }
        for (String field : fields) {
            result.andExpect(jsonPath("$.errors[*].field", hasItem(field)));
        }
        return result;
    }
}
