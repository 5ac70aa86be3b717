package com.tierdesk.sla.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.EnglishAnswers;
import com.tierdesk.sla.SlaCalendars;
import com.tierdesk.sla.SlaPolicies;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Hostile input to the SLA API and console: every refusal names its field, nothing is written, no answer is a
 * 500 and none echoes a huge value whole.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EnglishAnswers.class)
class SlaInputPolicyTests {

    private static final String HUGE = "x".repeat(5 * 1024 * 1024);

    @Autowired
    MockMvc mvc;

    @Autowired
    SlaCalendars calendars;

    @Autowired
    SlaPolicies policies;

    @Test
    void aHolidayNameLongerThanItsColumnIsRefusedWithItsLine() throws Exception {
        String code = createCalendar();
        small(mvc.perform(post("/api/v1/sla/calendars/" + code + "/holidays").with(as("SUPERVISOR")).contentType("text/csv")
                        .content("date,kind,name\n2026-02-16,holiday,春节\n2026-02-17,holiday," + "x".repeat(500_000) + "\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("line 3"))
                .andExpect(jsonPath("$.errors[0].reason").value("name must be at most 200 characters")));
        small(mvc.perform(multipart("/api/v1/sla/calendars/" + code + "/holidays").with(as("SUPERVISOR"))
                        .file(file("days.ics", ics("20260216", "20260217", "x".repeat(201)))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("line 8"))
                .andExpect(jsonPath("$.errors[0].reason").value("SUMMARY must be at most 200 characters")));
        assertThat(calendars.get(code).days()).isEmpty();
    }

    @Test
    void aHolidayFileLargerThanAHolidayFileCanBeIsRefusedUnread() throws Exception {
        String code = createCalendar();
        small(mvc.perform(post("/api/v1/sla/calendars/" + code + "/holidays").with(as("SUPERVISOR"))
                        .contentType("text/csv").content("date,kind,name\n2026-02-16,holiday," + HUGE + "\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file")));
        String big = "date,kind,name\n2026-02-16,holiday," + "x".repeat(20 * 1024 * 1024) + "\n";
        small(mvc.perform(multipart("/api/v1/sla/calendars/" + code + "/holidays").with(as("SUPERVISOR"))
                        .file(file("days.csv", big)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].reason").value(startsWith("is larger than 1 MB"))));
        small(mvc.perform(post("/api/v1/sla/calendars/" + code + "/holidays").with(as("SUPERVISOR"))
                        .contentType("text/csv").content(big))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file")));
        assertThat(calendars.get(code).days()).isEmpty();
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedInEveryTextOfTheModule() throws Exception {
        String code = createCalendar();
        mvc.perform(multipart("/api/v1/sla/calendars/" + code + "/holidays").with(as("SUPERVISOR"))
                        .file(file("days.csv", "date,kind,name\n2026-02-16,holiday,春\u0007节\n")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("line 2"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("control characters")));
        mvc.perform(multipart("/api/v1/sla/calendars/" + code + "/holidays").with(as("SUPERVISOR"))
                        .file(file("days.ics", ics("20260216", "20260217", "春\u0001节"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("line 8"))
                .andExpect(jsonPath("$.errors[0].reason").value(startsWith("must not contain control characters (U+0001")));
        mvc.perform(multipart("/api/v1/sla/calendars/" + code + "/holidays").with(as("SUPERVISOR"))
                        .file(file("days.csv", "date,kind,name\n2026-02-16,holiday,春节\n")).param("source", "notice\u0000"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("source"));
        mvc.perform(put("/api/v1/sla/calendars/" + code).with(as("SUPERVISOR")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Bad\\u0001name\", \"zone\": \"Asia/Shanghai\", \"hours\": {\"MONDAY\": \"09:00-18:00\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        // The console's forms are not JSON: the module's own rules catch what the JSON reader would.
        mvc.perform(post("/sla/calendars/" + code).with(as("SUPERVISOR")).with(csrf()).param("lang", "en")
                        .param("name", "Bad\u0001name").param("zone", "Asia/Shanghai").param("hours.MONDAY", "09:00-18:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name: must not contain control characters (U+0001")));
        mvc.perform(post("/sla/calendars").with(as("SUPERVISOR")).with(csrf()).param("lang", "en")
                        .param("code", newCode()).param("name", "half \uDC00 a character").param("copyFrom", "business"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name: must not contain a lone surrogate")));
        mvc.perform(post("/sla/policies").with(as("SUPERVISOR")).with(csrf()).param("lang", "en")
                        .param("noteZh", "urgent\u001b[31m").param("liveChatFirstReply", "30s")
                        .param("rows[0].tier", "VIP").param("rows[0].type", "INQUIRY").param("rows[0].target", "RESOLUTION")
                        .param("rows[0].duration", "4h").param("rows[0].calendar", "24x7"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("note.zh: must not contain control characters (U+001B")));
        mvc.perform(post("/sla/policies").with(as("SUPERVISOR")).with(csrf()).param("lang", "en")
                        .param("noteEn", "ok").param("liveChatFirstReply", "30s")
                        .param("rows[0].tier", "VIP\u0000").param("rows[0].type", "INQUIRY\u0000")
                        .param("rows[0].target", "RESOLUTION").param("rows[0].duration", "4h").param("rows[0].calendar", "24x7"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("rows[0].tier: must not contain control characters (U+0000")))
                .andExpect(content().string(containsString("rows[0].type: must not contain control characters (U+0000")));
        mvc.perform(get("/sla/calculator").with(as("AGENT")).param("lang", "en").param("customer", "C1\u0007")
                        .param("tier", "KEY").param("type", "COMPLAINT").param("start", "2025-02-07T17:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The customer code may have at most 100 characters and no control characters")));
        assertThat(calendars.get(code).name()).isEqualTo("Test");
    }

    @Test
    void aNulInAnUploadedFilesNameIsRefusedNotStoredAsTheSource() throws Exception {
        String code = createCalendar();
        mvc.perform(multipart("/api/v1/sla/calendars/" + code + "/holidays").with(as("SUPERVISOR"))
                        .file(file("days\u0000.csv", "date,kind,name\n2026-02-16,holiday,春节\n")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("name must not contain control characters")));
        mvc.perform(multipart("/sla/calendars/" + code + "/import").with(as("SUPERVISOR")).with(csrf()).param("lang", "en")
                        .file(file("days\u0000.csv", "date,kind,name\n2026-02-16,holiday,春节\n")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("file: name must not contain control characters")));
        assertThat(calendars.get(code).days()).isEmpty();
    }

    @Test
    void aClockWhoseNowPrecedesTheTicketsCreationIsRefused() throws Exception {
        mvc.perform(post("/api/v1/sla/clocks").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"type": "COMPLAINT", "now": "2025-03-04T09:00:00+08:00", "history": [
                          {"at": "2025-03-04T10:00:00+08:00", "kind": "CREATED", "tier": "KEY"}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("now"))
                .andExpect(jsonPath("$.errors[0].reason").value("is before the ticket was created (2025-03-04T02:00:00Z)"));
    }

    @Test
    void instantsOutsideTheYearsTicketsLiveInAreRefused() throws Exception {
        for (String start : new String[] {"0000-01-01T00:00:00Z", "+99999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z"}) {
            mvc.perform(post("/api/v1/sla/deadlines").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON).content("""
                            {"tier": "KEY", "type": "COMPLAINT", "start": "%s"}""".formatted(start)))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("start"))
                    .andExpect(jsonPath("$.errors[0].reason").value("must lie between the years 1970 and 2200"));
        }
        mvc.perform(post("/api/v1/sla/deadlines").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"tier": "KEY", "type": "COMPLAINT", "start": "2025-03-04T10:00:00Z",
                         "pauses": [{"from": "2025-03-04T11:00:00Z", "to": "+99999-01-01T00:00:00Z"}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("pauses[0].to"));
        mvc.perform(post("/api/v1/sla/clocks").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"type": "COMPLAINT", "now": "+99999-01-01T00:00:00Z", "history": [
                          {"at": "2025-03-04T10:00:00+08:00", "kind": "CREATED", "tier": "KEY"}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("now"));
        for (String year : new String[] {"0", "99999"}) {
            mvc.perform(get("/api/v1/sla/calendars/business/years/" + year).with(as("AGENT")))
                    .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("year"));
            mvc.perform(get("/api/v1/sla/calendars/business/holidays").param("year", year).with(as("AGENT")))
                    .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("year"));
        }
        String code = createCalendar();
        mvc.perform(post("/api/v1/sla/calendars/" + code + "/holidays").with(as("SUPERVISOR")).contentType("text/csv")
                        .content("date,kind,name\n+99999-02-16,holiday,far\n0000-01-01,holiday,near\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("line 2")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("line 3")));
    }

    @Test
    void aCalendarWithTooLittleWorkingTimeForATargetIsRefusedAsTheCalendar() throws Exception {
        String code = newCode();
        mvc.perform(put("/api/v1/sla/calendars/" + code).with(as("SUPERVISOR")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Thin\", \"zone\": \"Asia/Shanghai\", \"hours\": {\"MONDAY\": \"09:00:00-09:00:01\"}}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/sla/deadlines").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"tier": "KEY", "type": "INQUIRY", "start": "2025-03-04T10:00:00Z", "calendar": "%s"}""".formatted(code)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("calendar"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("has too little working time")));
    }

    @Test
    void hugeAndNegativeDurationsAreRefusedWhenPublished() throws Exception {
        int versions = policies.versions().size();
        for (String duration : new String[] {"9999999999999999d", "99999999999999999999h", "PT2562047788015215H",
                "367d", "-PT8H", "-1h"}) {
            small(mvc.perform(post("/api/v1/sla/policies").with(as("SUPERVISOR")).contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"note": {"en": "n"}, "liveChatFirstReply": "30s", "rows": [{"tier": "VIP", "type": "INQUIRY",
                                     "target": "RESOLUTION", "duration": "%s", "calendar": "24x7"}]}""".formatted(duration)))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("rows[0].duration")));
        }
        mvc.perform(post("/api/v1/sla/policies").with(as("SUPERVISOR")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"note": {"en": "n"}, "liveChatFirstReply": "9999999999999999d", "rows": [{"tier": "VIP",
                                 "type": "INQUIRY", "target": "RESOLUTION", "duration": "4h", "calendar": "24x7"}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("liveChatFirstReply"));
        assertThat(policies.versions()).hasSize(versions);
    }

    @Test
    void hugeValuesAreNeverEchoedWhole() throws Exception {
        small(mvc.perform(post("/api/v1/sla/deadlines").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tier\": \"" + HUGE + "\", \"type\": \"" + HUGE + "\", \"start\": \"2025-03-04T10:00:00Z\","
                                + " \"calendar\": \"" + HUGE + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("tier"))));
        small(mvc.perform(post("/api/v1/sla/deadlines").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customer\": \"" + HUGE + "\", \"tier\": \"KEY\", \"type\": \"INQUIRY\","
                                + " \"start\": \"2025-03-04T10:00:00Z\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("customer")));
        small(mvc.perform(put("/api/v1/sla/calendars/" + newCode()).with(as("SUPERVISOR")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"n\", \"zone\": \"" + HUGE + "\", \"hours\": {\"MONDAY\": \"" + HUGE
                                + "\", \"" + "y".repeat(40_000) + "\": \"09:00-10:00\"}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("zone"))));
        // A name longer than JSON names may be is refused by the JSON reader itself.
        small(mvc.perform(put("/api/v1/sla/calendars/" + newCode()).with(as("SUPERVISOR")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"n\", \"zone\": \"Asia/Shanghai\", \"hours\": {\"" + HUGE + "\": \"09:00\"}}"))
                .andExpect(status().isBadRequest()));
        small(mvc.perform(put("/api/v1/sla/calendars/" + newCode()).with(as("SUPERVISOR")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"n\", \"zone\": \"Asia/Shanghai\", \"hours\": {\"MONDAY\": \""
                                + "09:00-09:01, ".repeat(100_000) + "\"}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("hours.MONDAY")));
        small(mvc.perform(post("/api/v1/sla/calendars/business/public-holidays").with(as("SUPERVISOR"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"country\": \"" + HUGE + "\", \"year\": 2026}"))
                .andExpect(status().isUnprocessableContent()));
        small(mvc.perform(get("/api/v1/sla/calendars/" + "y".repeat(4000)).with(as("AGENT")))
                .andExpect(status().isNotFound()));
    }

    @Test
    void tooManyRowsEventsOrPausesAreRefusedAsAWhole() throws Exception {
        String pause = "{\"from\": \"2025-03-04T11:00:00Z\", \"to\": \"2025-03-04T11:01:00Z\"},";
        small(mvc.perform(post("/api/v1/sla/deadlines").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tier\": \"KEY\", \"type\": \"INQUIRY\", \"start\": \"2025-03-04T10:00:00Z\", \"pauses\": ["
                                + pause.repeat(1001) + pause.substring(0, pause.length() - 1) + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("pauses")));
        String event = "{\"at\": \"2025-03-04T10:00:00Z\", \"kind\": \"RESUMED\"},";
        small(mvc.perform(post("/api/v1/sla/clocks").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"INQUIRY\", \"history\": [{\"at\": \"2025-03-04T10:00:00Z\", \"kind\": \"CREATED\","
                                + " \"tier\": \"KEY\"}," + event.repeat(10_000) + event.substring(0, event.length() - 1) + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("history")));
        String row = "{\"tier\": \"GOLD\", \"type\": \"INQUIRY\", \"target\": \"RESOLUTION\", \"duration\": \"1h\", \"calendar\": \"24x7\"},";
        small(mvc.perform(post("/api/v1/sla/policies").with(as("SUPERVISOR")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\": {\"en\": \"n\"}, \"liveChatFirstReply\": \"30s\", \"rows\": ["
                                + row.repeat(5000) + row.substring(0, row.length() - 1) + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("rows")));
    }

    @Test
    void emptyAndDeeplyNestedRequestsAreRefusedNotFailed() throws Exception {
        mvc.perform(post("/api/v1/sla/clocks").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"INQUIRY\", \"history\": []}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("history"));
        mvc.perform(post("/api/v1/sla/policies").with(as("SUPERVISOR")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\": {\"en\": \"n\"}, \"liveChatFirstReply\": \"30s\", \"rows\": []}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("rows"));
        mvc.perform(post("/api/v1/sla/deadlines").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tier\": " + "[".repeat(5000) + "]".repeat(5000) + "}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/sla/deadlines").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/sla/deadlines").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tier\": \"KEY\", \"type\": \"INQUIRY\", \"start\": \"2025-03-04T10:00:00Z\", \"policyVersion\": 99999999999}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("policyVersion"));
        mvc.perform(post("/api/v1/sla/deadlines").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tier\": \"KEY\", \"type\": \"INQUIRY\", \"start\": \"2025-03-04T10:00:00Z\", \"policyVersion\": -1}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void theConsoleRefusesFieldsNoFormHasAndNamesAnUnknownCalendarToCopy() throws Exception {
        for (String row : new String[] {"rows[-1].tier", "rows[x].tier", "rows[5000].tier"}) {
            mvc.perform(post("/sla/policies").with(as("SUPERVISOR")).with(csrf()).param("liveChatFirstReply", "30s")
                    .param(row, "VIP")).andExpect(status().isBadRequest());
        }
        mvc.perform(post("/sla/policies").with(as("SUPERVISOR")).with(csrf()).param("lang", "en")
                        .param("liveChatFirstReply", "30s").param("rows[300].tier", "VIP"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("rows[300].type: is missing")));
        mvc.perform(post("/sla/calendars").with(as("SUPERVISOR")).with(csrf()).param("lang", "en")
                        .param("code", newCode()).param("name", "Copy").param("copyFrom", "nope"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("copyFrom: no calendar &#39;nope&#39;")));
    }

    @Test
    void theConsoleAnswersUnknownCalendarsAndVersionsWithNotFoundOrAProblem() throws Exception {
        mvc.perform(get("/sla/calendars/nope").with(as("AGENT"))).andExpect(status().isNotFound());
        mvc.perform(get("/sla/policies/999").with(as("AGENT"))).andExpect(status().isNotFound());
        mvc.perform(get("/sla/calculator").with(as("AGENT")).param("lang", "en").param("tier", "KEY")
                        .param("type", "COMPLAINT").param("start", "2025-02-07T17:00").param("version", "999"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is no such policy version")));
        mvc.perform(get("/sla/calculator").with(as("AGENT")).param("lang", "en").param("tier", "KEY")
                        .param("type", "COMPLAINT").param("start", "+99999-02-07T17:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Start “+99999-02-07T17:00” must be a date and time between the years 1970 and 2200")));
    }

    private String createCalendar() throws Exception {
        String code = newCode();
        mvc.perform(put("/api/v1/sla/calendars/" + code).with(as("SUPERVISOR")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Test\", \"zone\": \"Asia/Shanghai\", \"hours\": {\"MONDAY\": \"09:00-18:00\"}}"))
                .andExpect(status().isOk());
        return code;
    }

    /** The answer is short: a refusal quotes at most a capped piece of any value. */
    private static ResultActions small(ResultActions result) throws Exception {
        return result.andExpect(r -> assertThat(r.getResponse().getContentAsByteArray().length)
                .as("answer size").isLessThan(20_000));
    }

    private static String ics(String start, String end, String name) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:1@test\r\nDTSTART;VALUE=DATE:"
                + start + "\r\nDTEND;VALUE=DATE:" + end + "\r\nSUMMARY:" + name + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private static MockMultipartFile file(String name, String content) {
        return new MockMultipartFile("file", name, "application/octet-stream", content.getBytes(StandardCharsets.UTF_8));
    }

    private static String newCode() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestPostProcessor as(String role) {
        return user(role.toLowerCase()).roles(role);
    }
}
