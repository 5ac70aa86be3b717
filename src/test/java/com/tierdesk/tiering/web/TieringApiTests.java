package com.tierdesk.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.EnglishAnswers;
import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.CustomerKind;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.tiering.AssessmentRequest;
import com.tierdesk.tiering.AssessmentRun;
import com.tierdesk.tiering.Assessments;
import com.tierdesk.tiering.RunId;
import com.tierdesk.tiering.RunStatus;
import com.tierdesk.tiering.Segment;
import com.tierdesk.tiering.TriggerKind;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@Import(EnglishAnswers.class)
class TieringApiTests {

    static final RequestPostProcessor ANALYST = user("analyst").roles("SUPERVISOR");
    static final RequestPostProcessor SUPERVISOR = user("supervisor").roles("SUPERVISOR");
    static final RequestPostProcessor AGENT = user("agent").roles("AGENT");
    static final RequestPostProcessor MANAGER = user("manager").roles("ACCOUNT_MANAGER");

    @Autowired
    MockMvc mvc;

    @Autowired
    Assessments assessments;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    CustomerActivity activity;

    @Test
    void startsARunInTheBackgroundFollowsItAndASecondSupervisorApprovesAndPublishesIt() throws Exception {
        String code = aBuyer();
        String location = send(post("/api/v1/tiering/runs"), ANALYST, "{\"asOf\": \"" + activity.today() + "\"}")
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("QUEUED"))
                .andReturn().getResponse().getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        AssessmentRun run = awaitScored(id);

        mvc.perform(get(location).with(AGENT)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"))
                .andExpect(jsonPath("$.summary.tiers[0]").value("VIP"))
                .andExpect(jsonPath("$.summary.matrix.length()").value(5));
        mvc.perform(get(location + "/results/{code}", code).param("lang", "en").with(AGENT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scorecard.contributions.length()").value(9))
                .andExpect(jsonPath("$.grading.kind").value("THRESHOLD"))
                .andExpect(jsonPath("$.decision.kind").value("GRADED"))
                .andExpect(jsonPath("$.summary").value(matchesPattern("Score [0-9.]+ (reaches|is below) .*")));
        mvc.perform(get(location + "/results/{code}", code).with(AGENT)).andExpect(status().isOk())
                .andExpect(jsonPath("$.summary").value(matchesPattern("得分 [0-9.]+ (达到|低于).*")));
        mvc.perform(get(location + "/results?change=NEW&limit=5").with(AGENT)).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(run.summary().newCustomers()));

        problem(send(post(location + "/approve"), AGENT, "{}"), 403);
        problem(send(post(location + "/approve"), ANALYST, "{}"), 409, "approver");
        send(post(location + "/approve"), SUPERVISOR, "{\"note\": \"ok\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        send(post(location + "/publish"), SUPERVISOR, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(get("/api/v1/customers/{code}/tier", code).with(AGENT)).andExpect(status().isOk())
                .andExpect(jsonPath("$.current.assessedBy").value(id))
                .andExpect(jsonPath("$.explanation.run").value(id));
        mvc.perform(get("/api/v1/customers/{code}/tier-timeline", code).with(AGENT)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].run").value(id));
    }

    @Test
    void aSupervisorRejectsARunWithANoteOrWithout() throws Exception {
        AssessmentRun silent = assessedBy("analyst", aBuyer());
        AssessmentRun explained = assessedBy("analyst", aBuyer());

        send(post("/api/v1/tiering/runs/{id}/reject", silent.id()), SUPERVISOR, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED")).andExpect(jsonPath("$.decidedBy").value("supervisor"));
        send(post("/api/v1/tiering/runs/{id}/reject", explained.id()), SUPERVISOR, "{\"note\": \" model out of date \"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.decisionNote").value("model out of date"));

        assertThat(assessments.get(silent.id()).decisionNote()).isNull();
        problem(send(post("/api/v1/tiering/runs/{id}/reject", silent.id()), SUPERVISOR, "{}"), 409, "status");
    }

    @Test
    void badRunParametersAndBadModelsGetEveryProblemWithItsField() throws Exception {
        problem(send(post("/api/v1/tiering/runs"), ANALYST, "{\"asOf\": \"" + activity.today().plusDays(3)
                + "\", \"modelId\": 99999, \"segment\": {\"tiers\": [\"GOLD\"]}}"), 422, "asOf", "segment.tiers[0]", "modelId");
        problem(send(post("/api/v1/tiering/runs"), ANALYST, "{\"asOf\": \"yesterday\"}"), 400, "asOf");
        problem(send(post("/api/v1/tiering/models"), ANALYST, """
                {"definition": {"name": "half-baked", "dimensions": [{"name": "Value", "weight": 60, "indicators": [
                  {"metric": "spend_12m", "weight": 100, "direction": "HIGHER_IS_BETTER",
                   "normalisation": {"type": "BREAKPOINTS", "points": [{"raw": 100, "score": 0}, {"raw": 50, "score": 100}]}},
                  {"metric": "karma", "weight": 10, "direction": "HIGHER_IS_BETTER", "normalisation": {"type": "PERCENTILE_RANK"}}]}],
                  "tierPolicy": {"tiers": [{"code": "VIP", "minimumScore": 90}, {"code": "KEY", "minimumScore": 70},
                    {"code": "REGULAR", "minimumScore": 50}, {"code": "WATCH", "minimumScore": 0}],
                    "grading": "THRESHOLDS", "minimumPopulationForQuotas": 100, "churnDays": 90, "downgradeMargin": 2}}}
                """), 422, "dimensions", "dimensions[0].indicators", "dimensions[0].indicators[0].normalisation",
                "dimensions[0].indicators[1].metric");
        send(post("/api/v1/tiering/models/validate"), AGENT, "{\"name\": \"x\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[*].field", hasItem("tierPolicy")));
    }

    @Test
    void editingAModelMakesANewVersionAndTheOldOneStaysReadable() throws Exception {
        String preset = mvc.perform(get("/api/v1/tiering/presets").with(AGENT)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String rfmName = "{\"zh\":\"RFM 评分卡\",\"en\":\"RFM scorecard\"}";
        String rfm = preset.substring(preset.indexOf("{\"name\":" + rfmName));
        rfm = rfm.substring(0, matchingBrace(rfm) + 1);
        String name = "RFM " + UUID.randomUUID();
        String definition = rfm.replace(rfmName, "\"" + name + "\"");
        String created = send(post("/api/v1/tiering/models"), ANALYST, "{\"definition\": " + definition + ", \"note\": \"copy\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(1))
                .andReturn().getResponse().getHeader("Location");

        send(put(created), ANALYST, "{\"definition\": " + definition.replace("\"minimumPopulationForQuotas\":100",
                "\"minimumPopulationForQuotas\":500") + ", \"basedOnVersion\": 1}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));

        mvc.perform(get(created + "/versions/1").with(AGENT)).andExpect(status().isOk())
                .andExpect(jsonPath("$.definition.tierPolicy.minimumPopulationForQuotas").value(100))
                .andExpect(jsonPath("$.latest").value(false));
        problem(send(put(created), ANALYST, "{\"definition\": " + definition + ", \"basedOnVersion\": 1}"), 409, "basedOnVersion");
        problem(send(put(created), AGENT, "{\"definition\": " + definition + "}"), 403);
    }

    @Test
    void accountManagersAskForOverridesAndSupervisorsDecide() throws Exception {
        String code = aBuyer();
        String body = "{\"tier\": \"VIP\", \"reason\": \"strategic partner\", \"expiresOn\": \""
                + activity.today().plusDays(60) + "\"}";
        problem(send(post("/api/v1/customers/{code}/tier-overrides", code), AGENT, body), 403);
        String id = String.valueOf(com.jayway.jsonpath.JsonPath.<Integer>read(
                send(post("/api/v1/customers/{code}/tier-overrides", code), MANAGER, body)
                        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));

        problem(send(post("/api/v1/tiering/overrides/{id}/approve", id), MANAGER, "{}"), 403);
        send(post("/api/v1/tiering/overrides/{id}/approve", id), SUPERVISOR, "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(get("/api/v1/customers/{code}/tier", code).with(AGENT)).andExpect(status().isOk())
                .andExpect(jsonPath("$.current.tier").value("VIP"))
                .andExpect(jsonPath("$.current.overrideId").value(Integer.parseInt(id)));
        problem(send(post("/api/v1/customers/{code}/tier-overrides", code), MANAGER, body), 409, "customer");
        problem(send(post("/api/v1/customers/{code}/tier-overrides", "NO-SUCH"), MANAGER, body), 404, "code");
    }

    @Test
    void industryGrowthRatesAreKeptPerYear() throws Exception {
        String industry = "api-" + UUID.randomUUID().toString().substring(0, 8);
        send(put("/api/v1/tiering/industry-growth/{industry}/2026", industry), ANALYST,
                "{\"growthPercent\": 8.5, \"source\": \"association report\"}").andExpect(status().isOk());
        problem(send(put("/api/v1/tiering/industry-growth/{industry}/2026", industry), ANALYST,
                "{\"growthPercent\": 8.555}"), 422, "growthPercent");
        mvc.perform(get("/api/v1/tiering/industry-growth").with(AGENT)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.industry == '" + industry + "')].growthPercent").value(8.5));
    }

    private AssessmentRun awaitScored(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            AssessmentRun run = assessments.get(RunId.of(id));
            if (run.status() != RunStatus.QUEUED && run.status() != RunStatus.RUNNING) {
                assertThat(run.status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + id + " was not scored within 30 s");
    }

    /** A run over the customer alone, scored in this thread and waiting for approval. */
    private AssessmentRun assessedBy(String starter, String code) {
        return assessments.run(new AssessmentRequest(activity.today(), null, null, Segment.ofCodes(List.of(code))),
                TriggerKind.MANUAL, null, starter);
    }

    private String aBuyer() {
        Customer buyer = CustomerFixture.aCustomer().name("接口测试").kind(CustomerKind.COMPANY)
                .registeredOn(LocalDate.of(2024, 1, 1)).owner("manager").withSpend("880.00", activity.today().minusDays(20))
                .create(customers, orders);
        return buyer.code();
    }

    private ResultActions send(MockHttpServletRequestBuilder request, RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(request.with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static void problem(ResultActions result, int status, String... fields) throws Exception {
        result.andExpect(status().is(status));
        for (String field : fields) {
            result.andExpect(jsonPath("$.errors[*].field", hasItem(field)));
        }
    }

    private static int matchingBrace(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced JSON");
    }
}
