package com.tierdesk.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;

import com.tierdesk.tiering.AssessmentRequest;
import com.tierdesk.tiering.AssessmentRun;

import com.tierdesk.tiering.RunId;
import com.tierdesk.tiering.RunStatus;
import com.tierdesk.tiering.ScoringModels;
import com.tierdesk.tiering.Segment;
import com.tierdesk.tiering.TriggerKind;
import com.tierdesk.tiering.internal.RunApprovals;
import com.tierdesk.tiering.scoring.ModelPresets;
import com.tierdesk.tiering.scoring.Numbers;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

class RunConsoleTests extends ConsoleTestSupport {

    @Autowired
    RunApprovals approvals;

    @Autowired
    ScoringModels models;

    @Test
    void theWorkbenchShowsTheDistributionAndRunsToEveryoneAndTheStartFormToSupervisors() throws Exception {
        AssessmentRun waiting = assessed("analyst", aBuyer("900.00"));

        String agent = html(get("/tiering").with(as("agent", "AGENT")));
        assertThat(agent).contains("id=\"distribution-chart\"").contains("data-chart-kind=\"tiers\"")
                .contains("&quot;labels&quot;:[&quot;VIP 客户&quot;,&quot;重点客户&quot;,&quot;普通客户&quot;,&quot;观察客户&quot;]")
                .containsPattern("/webjars/chart.js/[^\"]*dist/chart.umd.js").contains("/js/tiering.js")
                .contains("href=\"/tiering/runs/" + waiting.id() + "\"").contains("待审批")
                .doesNotContain("id=\"run-form\"");
        String supervisor = html(get("/tiering").param("lang", "en").with(as("analyst", "SUPERVISOR")));
        assertThat(supervisor).contains("id=\"run-form\"").contains("Start an assessment run")
                .contains("value=\"" + activity.today() + "\"").containsPattern("<option value=\"\\d+\" selected=\"selected\">")
                .contains("name=\"tiers\" value=\"WATCH\"");
    }

    @Test
    void aSupervisorStartsARunFromTheFormAndSeesItsPageOthersMayNot() throws Exception {
        Customer buyer = aBuyer("1200.00", "800.00");
        mvc.perform(post("/tiering/runs").param("lang", "en").with(as("agent", "AGENT")).with(csrf()).param("asOf", activity.today().toString()))
                .andExpect(status().isForbidden());

        MvcResult started = mvc.perform(post("/tiering/runs").param("lang", "en").with(as("analyst", "SUPERVISOR")).with(csrf())
                        .param("asOf", activity.today().toString()).param("codes", buyer.code() + ", ")
                        .param("reason", "console test"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = started.getResponse().getRedirectedUrl();
        assertThat(location).matches("/tiering/runs/\\d+");
        RunId id = RunId.of(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
        AssessmentRun run = await(id, in(RunStatus.AWAITING_APPROVAL));
        assertThat(run.segment().codes()).containsExactly(buyer.code());
        assertThat(run.triggerReason()).isEqualTo("console test");

        String page = html(get(location).flashAttrs(started.getFlashMap()).with(as("analyst", "SUPERVISOR")));
        assertThat(page).contains("id=\"run-started\"").contains("id=\"run-summary\"").contains("id=\"migration-matrix\"")
                .contains("id=\"count-new\"><strong>1</strong>").contains("id=\"own-run\"")
                .doesNotContain("id=\"approve-run\"").doesNotContain("hx-trigger=\"every 1s\"")
                .contains("href=\"/tiering/runs/" + id + "/customers/" + buyer.code() + "\"");
        assertThat(html(get(location).with(as("wang", "SUPERVISOR"))))
                .contains("id=\"approve-run\"").contains("id=\"reject-run\"").doesNotContain("id=\"approve-form\"");
        assertThat(html(get(location).with(as("agent", "AGENT"))))
                .contains("id=\"run-summary\"").doesNotContain("id=\"approve-run\"");
    }

    @Test
    void badRunParametersAreShownWithTheirFields() throws Exception {
        String page = html(post("/tiering/runs").param("lang", "en").with(as("analyst", "SUPERVISOR")).with(csrf())
                .param("asOf", activity.today().plusDays(2).toString()).param("tiers", "GOLD").param("codes", "X1 X2"));

        assertThat(page).contains("id=\"run-problems\"").contains("asOf: must not be in the future")
                .contains("segment.tiers[0]: unknown tier &#39;GOLD&#39;").contains("value=\"X1 X2\"");
        assertThat(html(post("/tiering/runs").param("lang", "en").with(as("analyst", "SUPERVISOR")).with(csrf()).param("asOf", "soon")))
                .contains("asOf: &#39;soon&#39; is not a date like 2026-03-31");
    }

    @Test
    @Transactional
    void aQueuedRunsProgressIsPolledEverySecond() throws Exception {
        // Started in the test's transaction, the run stays queued: no worker sees it before the rollback.
        AssessmentRun run = assessments.start(new AssessmentRequest(activity.today(), null, null, null),
                TriggerKind.MANUAL, null, "analyst");

        String page = html(get("/tiering/runs/{id}", run.id()).with(as("agent", "AGENT")));
        assertThat(page).contains("hx-get=\"/tiering/runs/" + run.id() + "/state\"").contains("hx-trigger=\"every 1s\"")
                .contains("class=\"progress-bar\"").contains("排队中").contains("等待执行")
                .doesNotContain("id=\"run-summary\"");
        assertThat(html(get("/tiering/runs/{id}/state", run.id()).header("HX-Request", "true").with(as("agent", "AGENT"))))
                .startsWith("<section id=\"run-state\"").contains("hx-trigger=\"every 1s\"").doesNotContain("<html");
    }

    @Test
    void theStarterCannotApproveAndAnotherSupervisorPublishes() throws Exception {
        Customer buyer = aBuyer("5000.00", "5000.00");
        AssessmentRun run = assessed("analyst", buyer);
        String url = "/tiering/runs/" + run.id();

        MvcResult own = mvc.perform(post(url + "/approve").param("lang", "en").with(as("analyst", "SUPERVISOR")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(html(get(url).flashAttrs(own.getFlashMap()).with(as("analyst", "SUPERVISOR"))))
                .contains("id=\"run-problems\"").contains("another supervisor must approve it");
        mvc.perform(post(url + "/approve").with(as("agent", "AGENT")).with(csrf())).andExpect(status().isForbidden());

        MvcResult approved = mvc.perform(post(url + "/approve").with(as("wang", "SUPERVISOR")).with(csrf()).param("note", "ok"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(html(get(url).flashAttrs(approved.getFlashMap()).with(as("wang", "SUPERVISOR"))))
                .contains("id=\"run-decided\"").contains("id=\"run-decision\"");
        await(run.id(), in(RunStatus.PUBLISHED));
        assertThat(html(get(url + "/decision").header("HX-Request", "true").with(as("agent", "AGENT"))))
                .startsWith("<section id=\"run-decision\"").contains("id=\"published\"").contains("wang")
                .doesNotContain("hx-trigger");
    }

    @Test
    void approvingAndRejectingAreConfirmedFirstWithTheirNoteAndARefusedNoteOpensTheConfirmationAgain() throws Exception {
        AssessmentRun run = assessed("analyst", aBuyer("5000.00", "5000.00"));
        String url = "/tiering/runs/" + run.id();

        String buttons = html(get(url).with(as("wang", "SUPERVISOR")));
        assertThat(buttons).contains("hx-get=\"" + url + "/decision?confirm=approve\"")
                .contains("href=\"" + url + "?confirm=approve#run-decision\"").doesNotContain("name=\"note\"");
        String approving = html(get(url + "/decision").param("confirm", "approve").header("HX-Request", "true")
                .with(as("wang", "SUPERVISOR")));
        assertThat(approving).startsWith("<section id=\"run-decision\"").contains("id=\"approve-form\"")
                .contains("action=\"" + url + "/approve\"").contains("批准分级评估 " + run.id() + " 并发布？")
                .contains("<textarea id=\"approve-note\" name=\"note\"").contains("autofocus")
                .contains("id=\"confirm-approve\"").contains("id=\"cancel-decision\"")
                .doesNotContain("id=\"reject-form\"");
        assertThat(html(get(url).param("confirm", "reject").param("lang", "en").with(as("wang", "SUPERVISOR"))))
                .contains("id=\"reject-form\"").contains("Reject assessment run " + run.id() + "? No customer&#39;s tier changes.")
                .contains("<label for=\"reject-note\">Note (optional)</label>").doesNotContain("required")
                .contains("Confirm rejection");
        assertThat(html(get(url).param("confirm", "publish").with(as("wang", "SUPERVISOR"))))
                .as("only approving and rejecting are confirmed").contains("id=\"approve-run\"").doesNotContain("<textarea");
        assertThat(html(get(url).param("confirm", "approve").with(as("agent", "AGENT"))))
                .as("nobody else is asked").doesNotContain("id=\"approve-form\"");

        MvcResult refused = mvc.perform(post(url + "/approve").with(as("wang", "SUPERVISOR")).with(csrf())
                        .param("note", "复核\u0007无误"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(url + "?confirm=approve#run-decision");
        assertThat(html(get(url).param("confirm", "approve").flashAttrs(refused.getFlashMap()).with(as("wang", "SUPERVISOR"))))
                .contains("id=\"run-problems\"").contains("note: ").contains("id=\"approve-form\"").contains("复核");
        assertThat(assessments.get(run.id()).status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
        mvc.perform(post(url + "/approve").with(as("wang", "SUPERVISOR")).with(csrf()).param("note", "x".repeat(1001)))
                .andExpect(status().is3xxRedirection());
        assertThat(assessments.get(run.id()).status()).as("a note over 1,000 characters is refused")
                .isEqualTo(RunStatus.AWAITING_APPROVAL);

        mvc.perform(post(url + "/approve").with(as("wang", "SUPERVISOR")).with(csrf()).param("note", "复核无误"))
                .andExpect(status().is3xxRedirection());
        assertThat(assessments.get(run.id()).decisionNote()).isEqualTo("复核无误");
    }

    @Test
    void aRunTheSystemApprovedSaysSoInTheReadersLanguage() throws Exception {
        AssessmentRun run = assessed("analyst", aBuyer("300.00"));

        approvals.approveAutomatically(run.id().value());

        assertThat(html(get("/tiering/runs/{id}", run.id()).with(as("agent", "AGENT"))))
                .contains("id=\"approved-automatically\"").contains("系统已自动批准").doesNotContain("trigger run approved");
        assertThat(html(get("/tiering/runs/{id}", run.id()).param("lang", "en").with(as("agent", "AGENT"))))
                .contains("Approved automatically");
    }

    @Test
    void aRunRejectedWithoutANoteSaysWhoRejectedIt() throws Exception {
        AssessmentRun run = assessed("analyst", aBuyer("300.00"));

        MvcResult rejected = mvc.perform(post("/tiering/runs/{id}/reject", run.id()).with(as("wang", "SUPERVISOR"))
                .with(csrf()).param("note", " ")).andExpect(status().is3xxRedirection()).andReturn();

        assertThat(rejected.getResponse().getRedirectedUrl()).isEqualTo("/tiering/runs/" + run.id());
        assertThat(assessments.get(run.id())).extracting(AssessmentRun::status, AssessmentRun::decisionNote)
                .containsExactly(RunStatus.REJECTED, null);
        assertThat(html(get("/tiering/runs/{id}", run.id()).param("lang", "en").with(as("agent", "AGENT"))))
                .contains("<p id=\"rejected\">Rejected by wang.</p>").doesNotContain("Note: ");
    }

    @Test
    void aRejectedRunSaysWhoRejectedItAndWhy() throws Exception {
        AssessmentRun run = assessed("analyst", aBuyer("300.00"));

        mvc.perform(post("/tiering/runs/{id}/reject", run.id()).param("lang", "en").with(as("wang", "SUPERVISOR")).with(csrf())
                .param("note", "wrong date")).andExpect(status().is3xxRedirection());

        assertThat(assessments.get(run.id()).status()).isEqualTo(RunStatus.REJECTED);
        assertThat(html(get("/tiering/runs/{id}", run.id()).with(as("agent", "AGENT"))))
                .contains("id=\"rejected\"").contains("wang 已驳回：wrong date").doesNotContain("id=\"approve-form\"");
    }

    @Test
    void resultsAreFilteredByChangeAndTierAndPagedAsFragments() throws Exception {
        Customer rich = aBuyer("20000.00", "20000.00");
        Customer poor = aBuyer("50.00");
        AssessmentRun run = assessed("analyst", rich, poor);
        String richTier = results.explain(run.id(), rich.id()).tier();

        String fragment = html(get("/tiering/runs/{id}", run.id()).param("change", "NEW").param("tier", richTier)
                .header("HX-Request", "true").with(as("agent", "AGENT")));
        assertThat(fragment).startsWith("<section id=\"run-results\"").doesNotContain("<html")
                .contains("data-customer=\"" + rich.code() + "\"").doesNotContain("data-customer=\"" + poor.code() + "\"")
                .contains("<option value=\"NEW\" selected=\"selected\">新客户</option>");
        assertThat(html(get("/tiering/runs/{id}", run.id()).param("change", "UPGRADE").header("HX-Request", "true")
                .with(as("agent", "AGENT")))).contains("共 0 位客户").doesNotContain("id=\"results-table\"");
        mvc.perform(get("/tiering/runs/{id}", run.id()).param("change", "SIDEWAYS").with(as("agent", "AGENT")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/tiering/runs/{id}", 987_654_321L).with(as("agent", "AGENT"))).andExpect(status().isNotFound());
    }

    @Test
    void theExplanationShowsTheDecisionAndABarAndARowPerIndicator() throws Exception {
        Customer buyer = aBuyer("6000.00", "4000.00");
        AssessmentRun run = assessed("analyst", buyer);
        var explanation = results.explain(run.id(), buyer.id());

        String page = html(get("/tiering/runs/{id}/customers/{code}", run.id(), buyer.code()).with(as("agent", "AGENT")));
        assertThat(page).contains("data-chart-kind=\"contributions\"").contains("近 12 个月消费").contains("¥10,000.00")
                .contains("得分 " + Numbers.plain(explanation.score()))
                .containsPattern("(达到|对应)(VIP 客户|重点客户|普通客户|观察客户)");
        assertThat(page.split("<tr>", -1).length).as("a header, nine indicators, every metric").isGreaterThan(10);
        assertThat(html(get("/tiering/runs/{id}/customers/{code}", run.id(), buyer.code()).param("lang", "en")
                .with(as("agent", "AGENT")))).contains("Spend, 12 months").containsPattern("Score [0-9.]+ (reaches|gives)");
        mvc.perform(get("/tiering/runs/{id}/customers/{code}", run.id(), "NO-SUCH").with(as("agent", "AGENT")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRuleBasedRunExplainsTheBandsAndTheRuleThatHeld() throws Exception {
        Customer buyer = aBuyer("12000.00");
        long rules = models.list().stream().filter(m -> m.name().equals(ModelPresets.SIMPLE_RULES)).findFirst()
                .orElseThrow().modelId();
        AssessmentRun run = assessments.run(new AssessmentRequest(activity.today(), rules, null,
                Segment.ofCodes(List.of(buyer.code()))), TriggerKind.MANUAL, null, "analyst");

        String page = html(get("/tiering/runs/{id}/customers/{code}", run.id(), buyer.code()).with(as("agent", "AGENT")));
        assertThat(page).contains("class=\"table compact band-table\"").contains("<td>年消费</td>").contains("<td>高</td>")
                .contains("成立的规则：高价值").contains("规则“高价值”判定为重点客户")
                .doesNotContain("data-chart-kind=\"contributions\"");
    }
}
