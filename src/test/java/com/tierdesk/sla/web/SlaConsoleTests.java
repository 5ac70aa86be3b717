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

import com.tierdesk.sla.SlaPolicies;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
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
                .andExpect(content().string(allOf(containsString("start: &#39;tomorrow&#39; is not a date and time"),
                        containsString("pauses, line 1"))));
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

    private static RequestPostProcessor as(String role) {
        return user(role.toLowerCase()).roles(role);
    }
}
