package com.tierdesk.sla.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.sla.PolicyRow;
import com.tierdesk.sla.SlaPolicies;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class SlaConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    SlaPolicies policies;

    @Test
    void theYearViewMarksHolidaysAndMakeUpDaysAndWarnsOfAYearWithoutData() throws Exception {
        mvc.perform(get("/sla/calendars/business").param("year", "2026").param("lang", "en").with(as("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-date=\"2026-02-16\""),
                        matchesRegex("(?s).*class=\"holiday\" title=\"春节 Spring Festival\"\\s+data-date=\"2026-02-16\".*"),
                        matchesRegex("(?s).*class=\"makeup-workday\" title=\"春节调休 Spring Festival make-up day\"\\s+"
                                + "data-date=\"2026-02-14\".*"),
                        containsString("国办发明电〔2025〕7号"), not(containsString("id=\"no-data\"")),
                        not(containsString("id=\"save-calendar\"")))));
        mvc.perform(get("/sla/calendars/business").param("year", "2027").with(as("AGENT")))
                .andExpect(content().string(containsString("没有 2027 年的节假日数据：该年只排除周末")));
        mvc.perform(get("/sla/calendars").param("lang", "en").with(as("SUPERVISOR")))
                .andExpect(content().string(allOf(containsString("Business calendars"), containsString("new-calendar"))));
    }

    @Test
    void supervisorsSeeTheirMistakesAgentsCannotEdit() throws Exception {
        mvc.perform(post("/sla/calendars/business").with(as("AGENT")).with(csrf()).param("name", "x"))
                .andExpect(status().isForbidden());
        String code = "c-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/sla/calendars").with(as("SUPERVISOR")).with(csrf()).param("code", code)
                        .param("name", "Lunch").param("copyFrom", "business"))
                .andExpect(redirectedUrl("/sla/calendars/" + code));
        mvc.perform(post("/sla/calendars/" + code).with(as("SUPERVISOR")).with(csrf()).param("lang", "en")
                        .param("name", "Lunch").param("zone", "Asia/Shanghai").param("hours.MONDAY", "09:00-13:00, 12:00-18:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("09:00-13:00 and 12:00-18:00 overlap")));
    }

    @Test
    void thePolicyEditorPublishesAVersionOrNamesTheBadCells() throws Exception {
        mvc.perform(get("/sla/policies").param("lang", "en").with(as("AGENT")))
                .andExpect(content().string(allOf(containsString("SLA policy matrix"), not(containsString("id=\"publish\"")))));
        mvc.perform(post("/sla/policies").with(as("SUPERVISOR")).with(csrf()).param("lang", "en").param("liveChatFirstReply", "30s")
                        .param("rows[0].tier", "VIP").param("rows[0].type", "INQUIRY").param("rows[0].target", "RESOLUTION")
                        .param("rows[0].duration", "0m").param("rows[0].calendar", "24x7"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("rows[0].duration: must be longer than zero, not 0s")));
        mvc.perform(get("/sla/policies/1").with(as("AGENT"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("出厂默认矩阵")));
        mvc.perform(get("/sla/policies/1").param("lang", "en").with(as("AGENT"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Shipped default matrix")));
    }

    @Test
    void theCalculatorShowsDeadlinesAndTheTrace() throws Exception {
        mvc.perform(get("/sla/calculator").with(as("AGENT")).param("lang", "en").param("tier", "KEY")
                        .param("type", "COMPLAINT").param("priority", "NORMAL").param("channel", "PHONE")
                        .param("start", "2025-02-07T17:00").param("version", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2025-02-08 16:00:00"),
                        containsString("Sat 2025-02-08 make-up day (春节调休 Spring Festival make-up day) 09:00–16:00 7 h"))));
        mvc.perform(get("/sla/calculator").with(as("AGENT")).param("lang", "en").param("tier", "KEY")
                        .param("type", "COMPLAINT").param("start", "tomorrow").param("pauses", "yesterday"))
                .andExpect(content().string(allOf(containsString("Start “tomorrow” must be a date and time"),
                        containsString("Pauses, line 1: must be a range"))));
    }

    @Test
    void theClockReplayShowsHowEachTargetEnded() throws Exception {
        mvc.perform(get("/sla/clocks").with(as("AGENT")).param("lang", "en").param("type", "RETURN_EXCHANGE")
                        .param("version", "1").param("now", "2025-03-05T10:00")
                        .param("history", "2025-03-04 10:00 CREATED KEY\n2025-03-04 10:30 SOLVED"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        matchesRegex("(?s).*data-target=\"FIRST_RESPONSE\".*data-status=\"NOT_APPLICABLE\">Not applicable<.*"),
                        matchesRegex("(?s).*data-target=\"RETURN_DECISION\".*data-status=\"NOT_APPLICABLE\">Not applicable<.*"),
                        containsString("2025-03-04 10:30:00 · ticket solved"),
                        containsString("Status Not applicable, elapsed 30 min"))));
        mvc.perform(get("/sla/clocks").with(as("AGENT")).param("lang", "en").param("type", "INQUIRY")
                        .param("history", "2025-03-04 10:00 CREATED KEY\nyesterday LUNCH"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("history, line 2: &#39;yesterday LUNCH&#39; is not an event")));
        mvc.perform(get("/sla/calendars/business/export").param("year", "0").with(as("AGENT")))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void readOnlyRolesSeeTheMatrixAndCalendarsAsTextEditorsGetTheForms() throws Exception {
        for (String role : new String[] {"AGENT", "SENIOR_AGENT", "QA", "ACCOUNT_MANAGER"}) {
            mvc.perform(get("/sla/policies").with(as(role)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("id=\"matrix-rows\""),
                            not(containsString("id=\"policy-form\"")), not(containsString("name=\"rows[0].tier\"")),
                            not(containsString("disabled")))));
            mvc.perform(get("/sla/calendars/business").with(as(role)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("id=\"calendar-facts\""),
                            matchesRegex("(?s).*<dd data-day=\"MONDAY\">09:00-18:00</dd>.*"),
                            matchesRegex("(?s).*<dd data-day=\"SATURDAY\">休息</dd>.*"),
                            containsString("中国 (CN)"), not(containsString("id=\"calendar-form\"")),
                            not(containsString("id=\"import-form\"")), not(containsString("id=\"public-form\"")),
                            not(containsString("name=\"zone\"")), not(containsString("name=\"hours.MONDAY\"")),
                            not(containsString("name=\"country\"")))));
            mvc.perform(get("/sla/calendars").with(as(role)))
                    .andExpect(content().string(not(containsString("id=\"new-calendar\""))));
        }
        for (String role : new String[] {"SUPERVISOR", "ADMIN"}) {
            mvc.perform(get("/sla/policies").with(as(role)))
                    .andExpect(content().string(allOf(containsString("id=\"policy-form\""), containsString("id=\"publish\""),
                            not(containsString("id=\"matrix-rows\"")))));
            mvc.perform(get("/sla/calendars/business").with(as(role)))
                    .andExpect(content().string(allOf(containsString("id=\"calendar-form\""),
                            containsString("id=\"import-form\""), containsString("id=\"public-form\""),
                            not(containsString("id=\"calendar-facts\"")))));
            mvc.perform(get("/sla/calendars").with(as(role)))
                    .andExpect(content().string(containsString("id=\"new-calendar\"")));
        }
        // An older version is a record: read as text by everybody, supervisors included.
        mvc.perform(get("/sla/policies/1").with(as("SUPERVISOR")))
                .andExpect(content().string(allOf(containsString("id=\"matrix-rows\""), not(containsString("id=\"policy-form\"")))));
    }

    @Test
    void theMatrixNamesTiersInTheReadersLanguage() throws Exception {
        mvc.perform(get("/sla/policies/1").with(as("AGENT")))
                .andExpect(content().string(allOf(containsString("<td class=\"tier\">重点客户</td>"),
                        containsString("<td class=\"tier\">VIP 客户</td>"), containsString("<td class=\"tier\">观察客户</td>"),
                        not(containsString("<td class=\"tier\">KEY</td>")), containsString("出厂默认矩阵"),
                        containsString("8 小时"), containsString("30 秒"))));
        mvc.perform(get("/sla/policies/1").param("lang", "en").with(as("AGENT")))
                .andExpect(content().string(allOf(containsString("<td class=\"tier\">Key</td>"),
                        containsString("<td class=\"tier\">Watch</td>"), not(containsString("<td class=\"tier\">KEY</td>")),
                        containsString("Shipped default matrix"), containsString("8 h"))));
        mvc.perform(get("/sla/policies").with(as("SUPERVISOR")))
                .andExpect(content().string(allOf(containsString("<option value=\"KEY\">重点客户</option>"),
                        containsString("<option value=\"REGULAR\">普通客户</option>"))));
        mvc.perform(get("/sla/policies").param("lang", "en").with(as("SUPERVISOR")))
                .andExpect(content().string(containsString("<option value=\"REGULAR\">Regular</option>")));
    }

    @Test
    void aPolicyVersionsNoteIsShownInTheReadersLanguageOrTheOtherOne() throws Exception {
        mvc.perform(shippedMatrix().param("noteZh", "只有中文说明")).andExpect(redirectedUrl("/sla/policies"));
        int version = policies.current().version();
        mvc.perform(get("/sla/policies/" + version).param("lang", "en").with(as("AGENT")))
                .andExpect(content().string(containsString("<dd id=\"note\">只有中文说明</dd>")));
        mvc.perform(shippedMatrix().param("noteZh", "中文说明").param("noteEn", "English note"))
                .andExpect(redirectedUrl("/sla/policies"));
        int both = policies.current().version();
        mvc.perform(get("/sla/policies/" + both).param("lang", "en").with(as("AGENT")))
                .andExpect(content().string(containsString("<dd id=\"note\">English note</dd>")));
        mvc.perform(get("/sla/policies/" + both).with(as("AGENT")))
                .andExpect(content().string(containsString("<dd id=\"note\">中文说明</dd>")));
    }

    @Test
    void theCalculatorCountsAPlainDurationAndNamesItsProblemsInChinese() throws Exception {
        mvc.perform(get("/sla/calculator").with(as("AGENT")).param("mode", "duration").param("hours", "16")
                        .param("calendar", "business").param("start", "2026-02-13T17:30"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        matchesRegex("(?s).*data-target=\"DURATION\">\\s*<td>时长</td>\\s*<td>16 小时</td>\\s*<td data-user>business</td>"
                                + "\\s*<td class=\"due\">2026-02-24 15:30:00</td>.*"),
                        containsString("时长：自 周五 2026-02-13 17:30 起，在日历 business 上计 16 小时 工作时间"),
                        containsString("周日 2026-02-15 – 周一 2026-02-23 节假日 春节 Spring Festival，跳过"),
                        containsString("→ 截止 周二 2026-02-24 15:30（Asia/Shanghai）"))));
        mvc.perform(get("/sla/calculator").with(as("AGENT")).param("mode", "duration").param("hours", "1")
                        .param("minutes", "30").param("calendar", "24x7").param("start", "2026-02-14T23:00"))
                .andExpect(content().string(containsString("<td class=\"due\">2026-02-15 00:30:00</td>")));
        mvc.perform(get("/sla/calculator").with(as("AGENT")).param("mode", "duration").param("hours", "")
                        .param("minutes", "75").param("calendar", "").param("start", "13.2.2026")
                        .param("pauses", "gestern"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("分钟须为 0 到 59 之间的整数。"),
                        containsString("请选择要在其上计算时长的日历。"),
                        containsString("开始时间“13.2.2026”须为 1970 年至 2200 年之间的日期和时间"),
                        containsString("暂停第 1 行须为一段时间"), not(containsString("is not")),
                        not(containsString("must")), not(containsString("id=\"result\"")))));
        mvc.perform(get("/sla/calculator").with(as("AGENT")).param("mode", "duration")
                        .param("calendar", "business").param("start", "2026-02-13T17:30"))
                .andExpect(content().string(containsString("时长须大于零，且不超过 366 天。")));
        mvc.perform(get("/sla/calculator").with(as("AGENT")).param("tier", "GOLD").param("type", "COMPLAINT")
                        .param("calendar", "nope").param("version", "999").param("start", "2026-02-13T17:30"))
                .andExpect(content().string(allOf(containsString("请从列表中选择客户等级。"),
                        containsString("没有日历“nope”。"), not(containsString("unknown")))));
    }

    @Test
    void theHolidayFormOffersTheCalendarsOwnCountryNotTheFirstOfTheList() throws Exception {
        // China's holidays come from the State Council's notices; Jollyday has none, so nothing is preselected.
        mvc.perform(get("/sla/calendars/business").with(as("SUPERVISOR")))
                .andExpect(content().string(allOf(containsString("id=\"public-unsupported\""),
                        matchesRegex("(?s).*<option value=\"\" selected=\"selected\">请选择国家或地区</option>.*"),
                        not(matchesRegex("(?s).*value=\"AD\" selected.*")), containsString("安道尔 (AD)"),
                        containsString("value=\"CN\""))));
        String code = "de-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/sla/calendars").with(as("SUPERVISOR")).with(csrf()).param("code", code).param("name", "Berlin")
                .param("copyFrom", "business")).andExpect(redirectedUrl("/sla/calendars/" + code));
        mvc.perform(get("/sla/calendars/" + code).with(as("SUPERVISOR")))
                .andExpect(content().string(containsString("id=\"cal-country\" name=\"country\" value=\"CN\"")));
        mvc.perform(post("/sla/calendars/" + code).with(as("SUPERVISOR")).with(csrf()).param("name", "Berlin")
                        .param("zone", "Europe/Berlin").param("country", "DE").param("hours.MONDAY", "09:00-17:00"))
                .andExpect(redirectedUrl("/sla/calendars/" + code));
        mvc.perform(get("/sla/calendars/" + code).param("lang", "en").with(as("SUPERVISOR")))
                .andExpect(content().string(allOf(containsString("<option value=\"DE\" selected=\"selected\">Germany (DE)</option>"),
                        not(containsString("id=\"public-unsupported\"")))));
        mvc.perform(post("/sla/calendars/" + code + "/public-holidays").with(as("SUPERVISOR")).with(csrf())
                        .param("year", "2026"))
                .andExpect(redirectedUrl("/sla/calendars/" + code + "?year=2026"));
    }

    /** The editor's post of the shipped matrix's rows, so that the current version stays the shipped one in effect. */
    private MockHttpServletRequestBuilder shippedMatrix() {
        var post = post("/sla/policies").with(as("SUPERVISOR")).with(csrf()).param("liveChatFirstReply", "30s");
        List<PolicyRow> rows = policies.version(1).rows();
        for (int i = 0; i < rows.size(); i++) {
            PolicyRow row = rows.get(i);
            String at = "rows[" + i + "].";
            post.param(at + "tier", row.tier()).param(at + "type", row.type().name())
                    .param(at + "priority", row.priority() == null ? "" : row.priority().name())
                    .param(at + "target", row.target().name()).param(at + "duration", row.duration().toString())
                    .param(at + "calendar", row.calendar());
        }
        return post;
    }

    private static RequestPostProcessor as(String role) {
        return user(role.toLowerCase()).roles(role);
    }
}
