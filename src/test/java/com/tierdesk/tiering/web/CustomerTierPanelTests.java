package com.tierdesk.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;

import com.tierdesk.task.TaskDraft;
import com.tierdesk.task.TaskKind;
import com.tierdesk.task.Tasks;
import com.tierdesk.tiering.AssessmentRun;

import com.tierdesk.tiering.RunStatus;
import com.tierdesk.tiering.TierOverride;
import com.tierdesk.tiering.TierOverrides;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.test.web.servlet.MvcResult;

class CustomerTierPanelTests extends ConsoleTestSupport {

    @Autowired
    TierOverrides overrides;

    @Autowired
    Tasks tasks;

    @Test
    void theCustomer360PageLoadsTheTierPanelWithHtmx() throws Exception {
        Customer customer = aBuyer("100.00");

        assertThat(html(get("/customers/{code}", customer.code()).with(as("agent", "AGENT"))))
                .contains("hx-get=\"/tiering/customers/" + customer.code() + "/panel\" hx-trigger=\"load\"")
                .contains("/js/tiering.js").contains("id=\"customer-orders\"");
        assertThat(html(get("/tiering/customers/{code}/panel", customer.code()).with(as("agent", "AGENT"))))
                .startsWith("<section id=\"tier-panel\"").doesNotContain("<html").contains("id=\"tier-none\"")
                .doesNotContain("id=\"override-request\"");
        mvc.perform(get("/tiering/customers/{code}/panel", "NO-SUCH").with(as("agent", "AGENT"))).andExpect(status().isNotFound());
    }

    @Test
    void afterPublishingThePanelShowsTheTierItsExplanationAndTheTimeline() throws Exception {
        Customer customer = aBuyer("8000.00", "7000.00");
        AssessmentRun run = assessed("analyst", customer);
        decisions.approve(run.id(), "wang", null);
        await(run.id(), in(RunStatus.PUBLISHED));
        String tier = results.explain(run.id(), customer.id()).tier();
        tasks.create(new TaskDraft(TaskKind.CHURN_WARNING, customer.id(), "流失预警 " + customer.code(), "test", "am.console",
                activity.today().plusDays(7), "panel-test:" + UUID.randomUUID()));

        String panel = html(get("/tiering/customers/{code}/panel", customer.code()).with(as("agent", "AGENT")));
        assertThat(panel).contains("id=\"tier-now\"").contains("data-tier=\"" + tier + "\"")
                .contains("id=\"tier-explanation\"").contains("data-chart-kind=\"contributions\"").contains("近 12 个月消费")
                .contains("href=\"/tiering/runs/" + run.id() + "/customers/" + customer.code() + "\"")
                .contains("id=\"tier-timeline\"").contains("href=\"/tiering/runs/" + run.id() + "\">分级评估 " + run.id() + "</a>")
                .contains("id=\"customer-tasks\"").contains("流失预警 " + customer.code())
                .as("a change by a run names no override").doesNotContain("#override-");
    }

    @Test
    void accountManagersAskForAnOverrideInThePanelAndSeeTheirMistakes() throws Exception {
        Customer customer = aBuyer("100.00");
        String url = "/tiering/customers/" + customer.code() + "/overrides";
        assertThat(html(get("/tiering/customers/{code}/panel", customer.code()).with(as("am.li", "ACCOUNT_MANAGER"))))
                .contains("id=\"override-request\"").contains("hx-post=\"" + url + "\"");
        assertThat(html(get("/tiering/customers/{code}/panel", customer.code()).with(as("wang", "SUPERVISOR"))))
                .as("supervisors may do what account managers do").contains("id=\"override-request\"");
        mvc.perform(post(url).with(as("agent", "AGENT")).with(csrf()).param("tier", "VIP")).andExpect(status().isForbidden());

        String refused = html(post(url).param("lang", "en").with(as("am.li", "ACCOUNT_MANAGER")).with(csrf()).header("HX-Request", "true")
                .param("tier", "VIP").param("reason", "").param("expiresOn", activity.today().minusDays(1).toString()));
        assertThat(refused).startsWith("<section id=\"tier-panel\"").contains("id=\"override-request-problems\"")
                .contains("reason: an override needs a reason").contains("expiresOn: must be after today");
        String requested = html(post(url).with(as("am.li", "ACCOUNT_MANAGER")).with(csrf()).header("HX-Request", "true")
                .param("tier", "VIP").param("reason", "strategic partner")
                .param("expiresOn", activity.today().plusDays(30).toString()));
        assertThat(requested).contains("id=\"override-requested\"").contains("id=\"customer-overrides\"")
                .contains("strategic partner");
        assertThat(overrides.ofCustomer(customer.id())).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(TierOverride.Status.REQUESTED));
    }

    @Test
    void anOverrideDecisionIsConfirmedInItsRowWithItsNote() throws Exception {
        Customer customer = aBuyer("100.00");
        TierOverride requested = overrides.request(customer.code(), "VIP", "框架合同", activity.today().plusDays(10), "am.li");
        String row = "/tiering/overrides/" + requested.id() + "/row";

        String approving = html(get(row).param("status", "REQUESTED").param("decision", "approve")
                .header("HX-Request", "true").with(as("wang", "SUPERVISOR")));
        assertThat(approving).startsWith("<tr id=\"override-" + requested.id() + "\"")
                .contains("action=\"/tiering/overrides/" + requested.id() + "/approve\"")
                .contains("批准人工调整 " + requested.id() + "？客户 " + customer.code() + " 将调为 VIP 客户")
                .contains("<textarea id=\"override-note-" + requested.id() + "\" name=\"note\"")
                .contains("name=\"status\" value=\"REQUESTED\"").contains("确认批准").doesNotContain("approve-override");
        assertThat(html(get(row).param("status", "REQUESTED").param("decision", "reject").with(as("wang", "SUPERVISOR"))))
                .contains("驳回人工调整 " + requested.id() + "？").contains("required=\"required\"");
        assertThat(html(get(row).param("status", "REQUESTED").with(as("wang", "SUPERVISOR"))))
                .as("cancelled: the buttons again").contains("approve-override").doesNotContain("<textarea");
        assertThat(html(get(row).param("decision", "approve").with(as("agent", "AGENT"))))
                .as("only supervisors decide").doesNotContain("<form");

        mvc.perform(post("/tiering/overrides/{id}/approve", requested.id()).with(as("wang", "SUPERVISOR")).with(csrf())
                .param("status", "REQUESTED").param("note", "战略客户，已与销售确认")).andExpect(status().is3xxRedirection());
        assertThat(overrides.get(requested.id()).decisionNote()).isEqualTo("战略客户，已与销售确认");
        assertThat(html(get("/tiering/customers/{code}/panel", customer.code()).with(as("agent", "AGENT"))))
                .contains("class=\"muted timeline-note\"").contains("备注：战略客户，已与销售确认");

        mvc.perform(post("/tiering/overrides/{id}/revoke", requested.id()).with(as("zhou", "SUPERVISOR")).with(csrf())
                .param("status", "ACTIVE").param("note", "合同未续签")).andExpect(status().is3xxRedirection());
        assertThat(html(get("/tiering/customers/{code}/panel", customer.code()).with(as("agent", "AGENT"))))
                .as("the revocation's note on the change it made").contains("备注：合同未续签");
    }

    @Test
    void supervisorsDecideOverridesButNeverTheirOwnRequest() throws Exception {
        Customer customer = aBuyer("100.00");
        TierOverride own = overrides.request(customer.code(), "KEY", "trial", activity.today().plusDays(10), "wang");

        String list = html(get("/tiering/overrides").with(as("wang", "SUPERVISOR")));
        assertThat(list).contains("id=\"override-" + own.id() + "\"").contains("class=\"button small primary approve-override\"")
                .contains("hx-get=\"/tiering/overrides/" + own.id() + "/row?status=REQUESTED&amp;decision=approve\"")
                .doesNotContain("name=\"note\"");
        assertThat(html(get("/tiering/overrides").with(as("agent", "AGENT"))))
                .contains("id=\"override-" + own.id() + "\"").doesNotContain("approve-override");
        mvc.perform(post("/tiering/overrides/{id}/approve", own.id()).param("lang", "en").with(as("agent", "AGENT")).with(csrf()))
                .andExpect(status().isForbidden());

        MvcResult refused = mvc.perform(post("/tiering/overrides/{id}/approve", own.id()).param("lang", "en").with(as("wang", "SUPERVISOR"))
                .with(csrf()).param("status", "REQUESTED")).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).as("the confirmation opens again")
                .isEqualTo("/tiering/overrides?status=REQUESTED&confirm=" + own.id() + "&decision=approve#override-" + own.id());
        assertThat(html(get("/tiering/overrides").param("confirm", "" + own.id()).param("decision", "approve")
                .flashAttrs(refused.getFlashMap()).with(as("wang", "SUPERVISOR"))))
                .contains("id=\"override-problems\"").contains("another supervisor must approve it")
                .contains("id=\"confirm-override-" + own.id() + "\"");

        MvcResult approved = mvc.perform(post("/tiering/overrides/{id}/approve", own.id()).param("lang", "en").with(as("zhou", "SUPERVISOR"))
                .with(csrf()).param("note", "fine")).andReturn();
        assertThat(html(get("/tiering/overrides").param("status", "ACTIVE").flashAttrs(approved.getFlashMap())
                .with(as("zhou", "SUPERVISOR"))))
                .contains("id=\"override-decided\"").contains("人工调整 " + own.id() + " 已生效")
                .contains("class=\"button small danger revoke-override\"");
        assertThat(html(get("/tiering/customers/{code}/panel", customer.code()).with(as("agent", "AGENT"))))
                .contains("id=\"tier-overridden\"").contains("data-tier=\"KEY\"")
                .contains("href=\"/tiering/overrides?status=ALL#override-" + own.id() + "\">#" + own.id() + "</a>");

        mvc.perform(post("/tiering/overrides/{id}/revoke", own.id()).param("lang", "en").with(as("zhou", "SUPERVISOR")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(overrides.get(own.id()).status()).isEqualTo(TierOverride.Status.REVOKED);
        assertThat(html(get("/tiering/overrides").param("status", "ALL").with(as("agent", "AGENT"))))
                .contains("id=\"override-" + own.id() + "\"").contains("已撤销");
        assertThat(html(get("/tiering/overrides").param("status", "REVOKED").with(as("zhou", "SUPERVISOR"))))
                .as("an ended override has no decision left").doesNotContain("revoke-override").doesNotContain("approve-override");
    }
}
