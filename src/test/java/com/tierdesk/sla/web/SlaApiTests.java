package com.tierdesk.sla.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.EnglishAnswers;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.sla.BusinessCalendar;
import com.tierdesk.sla.DayKind;
import com.tierdesk.sla.SlaCalendars;
import com.tierdesk.sla.SlaPolicies;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@AutoConfigureMockMvc
@Import({SlaApiTests.FixedBusinessTime.class, EnglishAnswers.class})
class SlaApiTests {

    /** 10:45 on Tuesday 2025-03-04 in Shanghai, for clocks replayed to the present. */
    static final Instant NOW = Instant.parse("2025-03-04T02:45:00Z");

    @Autowired
    MockMvc mvc;

    /** The business time standing at {@link #NOW}. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FixedBusinessTime {

        @Bean
        @Primary
        BusinessTime fixedBusinessTime() {
            return new BusinessTime(Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));
        }
    }

    @Autowired
    SlaCalendars calendars;

    @Autowired
    SlaPolicies policies;

    @Test
    void anyoneSignedInReadsWhileOnlySupervisorsEditCalendarsAndPolicies() throws Exception {
        mvc.perform(get("/api/v1/sla/calendars")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/sla/calendars").with(as("AGENT"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("business")));
        mvc.perform(get("/api/v1/sla/policies/1").with(as("AGENT"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(41));
        String code = newCode();
        mvc.perform(put("/api/v1/sla/calendars/" + code).with(as("SENIOR_AGENT")).contentType(MediaType.APPLICATION_JSON)
                .content(calendar("09:00-18:00"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/sla/policies").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/sla/calendars/" + code).with(as("SUPERVISOR")).contentType(MediaType.APPLICATION_JSON)
                .content(calendar("09:00-12:00, 13:00-18:00"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.hours.MONDAY").value("09:00-12:00, 13:00-18:00"));
        mvc.perform(put("/api/v1/sla/calendars/" + code).with(as("ADMIN")).contentType(MediaType.APPLICATION_JSON)
                .content(calendar("08:00-17:00"))).andExpect(status().isOk());
    }

    @Test
    void refusesOverlappingAndInvertedWorkingHoursNamingTheWeekday() throws Exception {
        String code = newCode();
        mvc.perform(put("/api/v1/sla/calendars/" + code).with(as("SUPERVISOR")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Bad", "zone": "Mars/Olympus", "hours": {"MONDAY": "09:00-12:30, 12:00-18:00",
                                 "TUESDAY": "18:00-09:00", "FUNDAY": "09:00-10:00"}}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("zone", "hours.FUNDAY", "hours.TUESDAY", "hours.MONDAY")))
                .andExpect(jsonPath("$.errors[?(@.field == 'hours.TUESDAY')].reason")
                        .value("'18:00-09:00': is inverted: 18:00-09:00 does not end after it starts"));
        mvc.perform(put("/api/v1/sla/calendars/" + code).with(as("SUPERVISOR")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Bad", "zone": "Asia/Shanghai", "hours": {"MONDAY": "09:00-12:30, 12:00-18:00"}}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("hours.MONDAY"))
                .andExpect(jsonPath("$.errors[0].reason").value("09:00-12:30 and 12:00-18:00 overlap"));
        assertThat(calendars.codes()).doesNotContain(code);
    }

    @Test
    void refusesAPolicyWithUnknownTierOrTypeOrANonPositiveDurationAndStoresNothing() throws Exception {
        int versions = policies.versions().size();
        mvc.perform(post("/api/v1/sla/policies").with(as("SUPERVISOR")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"note": {"en": "bad"}, "liveChatFirstReply": "30s", "rows": [
                          {"tier": "GOLD", "type": "COMPLAINT", "target": "FIRST_RESPONSE", "duration": "1h", "calendar": "business"},
                          {"tier": "VIP", "type": "GRIEVANCE", "target": "FIRST_RESPONSE", "duration": "1h", "calendar": "24x7"},
                          {"tier": "VIP", "type": "INQUIRY", "target": "RESOLUTION", "duration": "0s", "calendar": "24x7"},
                          {"tier": "KEY", "type": "INQUIRY", "target": "RESOLUTION", "duration": "-2h", "calendar": "business"},
                          {"tier": "KEY", "type": "INQUIRY", "target": "FIRST_RESPONSE", "duration": "8h", "calendar": "moon"},
                          {"tier": "KEY", "type": "COMPLAINT", "target": "FIRST_RESPONSE", "duration": "1h", "calendar": "business"},
                          {"tier": "KEY", "type": "complaint", "target": "first response", "duration": "2h", "calendar": "business"}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("rows[0].tier", "rows[1].type",
                        "rows[2].duration", "rows[3].duration", "rows[4].calendar", "rows[6]")))
                .andExpect(jsonPath("$.errors[?(@.field == 'rows[0].tier')].reason")
                        .value("unknown tier 'GOLD'; the tiers are VIP, KEY, REGULAR, WATCH"))
                .andExpect(jsonPath("$.errors[?(@.field == 'rows[2].duration')].reason").value("must be longer than zero, not 0s"))
                .andExpect(jsonPath("$.errors[?(@.field == 'rows[3].duration')].reason")
                        .value("'-2h' is negative; a target must be longer than zero"))
                .andExpect(jsonPath("$.errors[?(@.field == 'rows[6]')].reason", hasItem(containsString("repeats the cell of rows[5]"))));
        assertThat(policies.versions()).hasSize(versions);
    }

    @Test
    void publishingAnEditAddsAVersionAndKeepsTheOldOneReadable() throws Exception {
        var rows = new StringBuilder();
        policies.version(1).rows().forEach(row -> rows.append(String.format(
                "{\"tier\":\"%s\",\"type\":\"%s\",\"target\":\"%s\",\"duration\":\"%s\",\"calendar\":\"%s\"},",
                row.tier(), row.type(), row.target(), row.duration(), row.calendar())));
        rows.append("{\"tier\":\"VIP\",\"type\":\"COMPLAINT\",\"priority\":\"URGENT\",\"target\":\"FIRST_RESPONSE\","
                + "\"duration\":\"10m\",\"calendar\":\"24x7\"}");
        mvc.perform(post("/api/v1/sla/policies").with(as("SUPERVISOR")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":{\"zh\":\"VIP 紧急投诉\",\"en\":\"urgent VIP complaints\"},"
                                + "\"liveChatFirstReply\":\"30s\",\"rows\":[" + rows + "]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.note.zh").value("VIP 紧急投诉"))
                .andExpect(jsonPath("$.note.en").value("urgent VIP complaints"))
                .andExpect(jsonPath("$.rows.length()").value(42))
                .andExpect(jsonPath("$.createdBy").value("supervisor"));
        mvc.perform(get("/api/v1/sla/policies/1").with(as("AGENT"))).andExpect(jsonPath("$.rows.length()").value(41));
        mvc.perform(post("/api/v1/sla/deadlines").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"tier": "VIP", "type": "complaint", "priority": "urgent", "start": "2025-03-04T10:00:00+08:00"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targets[?(@.target == 'FIRST_RESPONSE')].due").value("2025-03-04T02:10:00Z"));
    }

    @Test
    void importsAnIcsFileAllOrNothingNamingTheBadLine() throws Exception {
        String code = createCalendar();
        String good = ics("20250101", "20250102", "HOLIDAY", "New Year");
        mvc.perform(multipart("/api/v1/sla/calendars/" + code + "/holidays").file(file("holidays.ics", good))
                        .param("source", "test notice").with(as("SUPERVISOR")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.years[0].holidays").value(1));
        String bad = """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//test//EN
                BEGIN:VEVENT
                UID:1@test
                DTSTART;VALUE=DATE:20250128
                DTEND;VALUE=DATE:20250205
                SUMMARY:Spring Festival
                END:VEVENT
                BEGIN:VEVENT
                UID:2@test
                DTSTART;VALUE=DATE:2025-02-08
                SUMMARY:make-up day
                CATEGORIES:MAKEUP_WORKDAY
                END:VEVENT
                BEGIN:VEVENT
                UID:3@test
                DTSTART;VALUE=DATE:20250209
                CATEGORIES:PICNIC
                END:VEVENT
                END:VCALENDAR
                """;
        mvc.perform(multipart("/api/v1/sla/calendars/" + code + "/holidays").file(file("holidays.ics", bad))
                        .with(as("SUPERVISOR")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("line 12")));
        BusinessCalendar after = calendars.get(code);
        assertThat(after.days()).containsOnlyKeys(LocalDate.of(2025, 1, 1));
        assertThat(after.year(2025)).hasValueSatisfying(year -> assertThat(year.source()).isEqualTo("test notice"));
        mvc.perform(multipart("/api/v1/sla/calendars/" + code + "/holidays")
                        .file(file("broken.ics", "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20250101\n"
                                + "this line is not a property\nEND:VEVENT\nEND:VCALENDAR\n")).with(as("SUPERVISOR")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("line 5"));
    }

    @Test
    void reportsEveryBadCsvLineAndWritesNone() throws Exception {
        String code = createCalendar();
        String csv = "date,kind,name\n2026-02-16,holiday,春节\n2026-02-30,holiday,no such day\n2026-02-14,lunch,?\n"
                + "2026-02-16,workday,twice\n";
        mvc.perform(multipart("/api/v1/sla/calendars/" + code + "/holidays").file(file("days.csv", csv)).with(as("SUPERVISOR")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("line 3", "line 4", "line 5")))
                .andExpect(jsonPath("$.errors[?(@.field == 'line 5')].reason").value("2026-02-16 is already listed on line 2"));
        assertThat(calendars.get(code).days()).isEmpty();
        mvc.perform(post("/api/v1/sla/calendars/" + code + "/holidays").with(as("SUPERVISOR")).param("source", "notice")
                        .contentType("text/csv").content("date,kind,name\n2026-02-16,holiday,春节\n2026-02-28,workday,调休\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.years[0].holidays").value(1)).andExpect(jsonPath("$.years[0].makeupDays").value(1));
    }

    @Test
    void exportsAndImportsTheShippedHolidaysAsIcsAndCsvUnchanged() throws Exception {
        BusinessCalendar business = calendars.get("business");
        for (String format : new String[] {"ics", "csv"}) {
            String exported = mvc.perform(get("/api/v1/sla/calendars/business/holidays").param("format", format)
                            .param("year", "2025").with(as("AGENT")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String code = createCalendar();
            mvc.perform(multipart("/api/v1/sla/calendars/" + code + "/holidays").file(file("business." + format, exported))
                    .with(as("SUPERVISOR"))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.years[0].holidays").value(28)).andExpect(jsonPath("$.years[0].makeupDays").value(5));
            assertThat(calendars.get(code).days().values()).containsExactlyElementsOf(business.days().values().stream()
                    .filter(day -> day.date().getYear() == 2025).toList());
        }
    }

    @Test
    void takesAnotherCountrysPublicHolidaysFromJollyday() throws Exception {
        String code = createCalendar();
        mvc.perform(post("/api/v1/sla/calendars/" + code + "/public-holidays").with(as("SUPERVISOR"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"country\": \"DE\", \"year\": 2025}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.source").value("Jollyday public holidays of DE 2025"));
        assertThat(calendars.get(code).day(LocalDate.of(2025, 10, 3)))
                .hasValueSatisfying(day -> assertThat(day.kind()).isEqualTo(DayKind.HOLIDAY));
        mvc.perform(post("/api/v1/sla/calendars/" + code + "/public-holidays").with(as("SUPERVISOR"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"country\": \"XX\", \"year\": 2025}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("country"));
    }

    @Test
    void aYearWithoutDataIsFlaggedAndDeadlinesComeWithTheirTrace() throws Exception {
        mvc.perform(get("/api/v1/sla/calendars/business/years/2027").with(as("AGENT")))
                .andExpect(jsonPath("$.hasData").value(false))
                .andExpect(jsonPath("$.warning").value("no holiday data for 2027: only weekends are off"));
        mvc.perform(get("/api/v1/sla/calendars/business/years/2026").with(as("AGENT")))
                .andExpect(jsonPath("$.hasData").value(true)).andExpect(jsonPath("$.days.length()").value(39));
        mvc.perform(post("/api/v1/sla/deadlines").param("lang", "en").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"tier": "KEY", "type": "COMPLAINT", "priority": "HIGH", "start": "2025-02-07T17:00:00+08:00",
                                 "pauses": [{"from": "2025-02-08T10:00:00+08:00", "to": "2025-02-08T11:00:00+08:00"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.policyVersion").isNumber())
                .andExpect(jsonPath("$.targets[?(@.target == 'RESOLUTION')].due").value("2025-02-08T09:00:00Z"))
                .andExpect(jsonPath("$.lines", hasItem("Sat 2025-02-08 make-up day (春节调休 Spring Festival make-up day) 09:00–10:00 1 h")));
        mvc.perform(post("/api/v1/sla/deadlines").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tier\": \"GOLD\", \"type\": \"GRIEVANCE\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("type", "tier", "start")));
    }

    @Test
    void replaysClocksFromAHistory() throws Exception {
        mvc.perform(post("/api/v1/sla/clocks").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"type": "COMPLAINT", "now": "2025-03-04T11:30:00+08:00", "policyVersion": 1, "history": [
                          {"at": "2025-03-04T10:00:00+08:00", "kind": "CREATED", "tier": "KEY"},
                          {"at": "2025-03-04T10:20:00+08:00", "kind": "AGENT_PUBLIC_REPLY"},
                          {"at": "2025-03-04T10:30:00+08:00", "kind": "PENDING_ON_CUSTOMER"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targets[?(@.target == 'FIRST_RESPONSE')].clock.status").value("MET"))
                .andExpect(jsonPath("$.targets[?(@.target == 'RESOLUTION')].clock.paused").value(true))
                .andExpect(jsonPath("$.targets[?(@.target == 'RESOLUTION')].clock.elapsed").value("PT30M"));
        mvc.perform(post("/api/v1/sla/clocks").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"type": "COMPLAINT", "history": [{"at": "2025-03-04T10:00:00+08:00", "kind": "OPENED"}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("history[0].kind"));
    }

    @Test
    void aCustomerMadeVipOnSaturdayIsOwedTheVipTargetsFromSaturday() throws Exception {
        // A KEY inquiry from Friday 2025-03-07 17:00, the customer VIP from Saturday 10:00 (Asia/Shanghai).
        mvc.perform(post("/api/v1/sla/clocks").param("lang", "en").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"type": "INQUIRY", "now": "2025-03-08T10:05:00+08:00", "policyVersion": 1,
                                 "rule": "KEEP_BETTER", "history": [
                                  {"at": "2025-03-07T17:00:00+08:00", "kind": "CREATED", "tier": "KEY"},
                                  {"at": "2025-03-08T10:00:00+08:00", "kind": "TIER_CHANGED", "tier": "VIP"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targets[?(@.target == 'FIRST_RESPONSE')].due").value("2025-03-08T03:00:00Z"))
                .andExpect(jsonPath("$.targets[?(@.target == 'FIRST_RESPONSE')].clock.status").value("ON_TRACK"))
                .andExpect(jsonPath("$.targets[?(@.target == 'RESOLUTION')].due").value("2025-03-08T06:00:00Z"))
                .andExpect(jsonPath("$.targets[?(@.target == 'RESOLUTION')].clock.status").value("ON_TRACK"))
                .andExpect(jsonPath("$.lines", hasItem("Tier changed Sat 2025-03-08 10:00 from KEY to VIP: the new tier's "
                        + "1 h counted from the change is due Sat 2025-03-08 11:00, before the old due Mon 2025-03-10 16:00; "
                        + "the new tier applies")));
    }

    @Test
    void aTicketSolvedWithoutAReplyEndsItsFirstResponseAsNotApplicable() throws Exception {
        String history = """
                [{"at": "2025-03-04T10:00:00+08:00", "kind": "CREATED", "tier": "KEY"},
                 {"at": "2025-03-04T10:30:00+08:00", "kind": "SOLVED"}]""";
        mvc.perform(post("/api/v1/sla/clocks").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"RETURN_EXCHANGE\", \"now\": \"2025-03-05T10:00:00+08:00\", \"policyVersion\": 1, \"history\": "
                                + history + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targets[?(@.target == 'FIRST_RESPONSE')].clock.status").value("NOT_APPLICABLE"))
                .andExpect(jsonPath("$.targets[?(@.target == 'FIRST_RESPONSE')].clock.endedBy").value("SOLVED"))
                .andExpect(jsonPath("$.targets[?(@.target == 'RETURN_DECISION')].clock.status").value("NOT_APPLICABLE"))
                .andExpect(jsonPath("$.targets[?(@.target == 'RETURN_DECISION')].clock.endedBy").value("SOLVED"))
                .andExpect(jsonPath("$.rules.solvedWithoutReply").value("NOT_APPLICABLE"));
        mvc.perform(post("/api/v1/sla/clocks").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"RETURN_EXCHANGE\", \"now\": \"2025-03-05T10:00:00+08:00\", "
                                + "\"solvedWithoutReply\": \"BREACHED\", \"policyVersion\": 1, \"history\": " + history + "}"))
                .andExpect(jsonPath("$.targets[?(@.target == 'FIRST_RESPONSE')].clock.status").value("BREACHED"));
    }

    @Test
    void aTierWithSurroundingBlanksIsTheTierItNames() throws Exception {
        mvc.perform(post("/api/v1/sla/deadlines").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"tier": " KEY ", "type": "COMPLAINT", "start": "2025-03-04T10:00:00+08:00", "policyVersion": 1}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tier").value("KEY"))
                .andExpect(jsonPath("$.targets[?(@.target == 'FIRST_RESPONSE')].due").value("2025-03-04T03:00:00Z"));
        mvc.perform(post("/api/v1/sla/clocks").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"type": "COMPLAINT", "now": "2025-03-04T10:10:00+08:00", "policyVersion": 1,
                         "history": [{"at": "2025-03-04T10:00:00+08:00", "kind": "CREATED", "tier": "KEY "}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targets[?(@.target == 'FIRST_RESPONSE')].due").value("2025-03-04T03:00:00Z"));
    }

    @Test
    void aClockWithoutNowIsReplayedToTheBusinessTime() throws Exception {
        // NOW is 10:45 in Shanghai: 45 of KEY's 60 minutes gone.
        mvc.perform(post("/api/v1/sla/clocks").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"type": "COMPLAINT", "policyVersion": 1,
                         "history": [{"at": "2025-03-04T10:00:00+08:00", "kind": "CREATED", "tier": "KEY"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targets[?(@.target == 'FIRST_RESPONSE')].clock.status").value("AT_RISK"))
                .andExpect(jsonPath("$.targets[?(@.target == 'FIRST_RESPONSE')].clock.elapsed").value("PT45M"));
    }

    @Test
    void aPlainDurationCountsBusinessHoursAcrossWeekendsAndHolidaysOrCalendarTimeOn24x7() throws Exception {
        // 30 min Friday, 9 h on the make-up Saturday, the Spring Festival skipped, 6 h 30 min Tuesday.
        duration("business", "2026-02-13T17:30:00+08:00", "16h")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value("2026-02-24T07:30:00Z"))
                .andExpect(jsonPath("$.calendarUse.years[0].year").value(2026))
                .andExpect(jsonPath("$.calendarUse.years[0].hasData").value(true))
                .andExpect(jsonPath("$.lines", hasItem("Sun 2026-02-15 – Mon 2026-02-23 holiday 春节 Spring Festival skipped")))
                .andExpect(jsonPath("$.lines", hasItem("Tue 2026-02-24 09:00–15:30 6 h 30 min")));
        // A plain weekend: 1 h Friday, 7 h Monday.
        duration("business", "2025-03-07T17:00:00+08:00", "8h").andExpect(jsonPath("$.due").value("2025-03-10T08:00:00Z"));
        // 4 h on New Year's Eve, 1 to 3 January off, 4 h on the make-up Sunday.
        duration("business", "2025-12-31T14:00:00+08:00", "PT8H").andExpect(jsonPath("$.due").value("2026-01-04T05:00:00Z"));
        // Every second counts on 24x7, weekend or not.
        duration("24x7", "2026-02-14T23:00:00+08:00", "1h30m").andExpect(jsonPath("$.due").value("2026-02-14T16:30:00Z"))
                .andExpect(jsonPath("$.lines[0]").value("Duration: 1 h 30 min of calendar time (every second counts) from "
                        + "Sat 2026-02-14 23:00 on calendar 24x7"));
        mvc.perform(post("/api/v1/sla/deadlines/duration").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"calendar": "business", "start": "2026-02-13T09:00:00+08:00", "duration": "2h",
                                 "pauses": [{"from": "2026-02-13T10:00:00+08:00", "to": "2026-02-13T11:00:00+08:00"}]}"""))
                .andExpect(jsonPath("$.due").value("2026-02-13T04:00:00Z"));
    }

    @Test
    void aPlainDurationIsRefusedFieldByField() throws Exception {
        duration("business", "2026-02-13T17:30:00+08:00", "0m")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("duration"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be longer than zero"));
        duration("business", "2026-02-13T17:30:00+08:00", "367d")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("duration"));
        duration("nope", "2300-01-01T00:00:00Z", "eight hours")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("calendar", "start", "duration")))
                .andExpect(jsonPath("$.errors[?(@.field == 'calendar')].reason").value("unknown calendar 'nope'"));
        mvc.perform(post("/api/v1/sla/deadlines/duration").with(as("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("calendar", "start", "duration")));
    }

    @Test
    void publicHolidaysAreTakenForTheCalendarsOwnCountryUnlessAnotherIsNamed() throws Exception {
        mvc.perform(get("/api/v1/sla/calendars/business").with(as("AGENT"))).andExpect(jsonPath("$.country").value("CN"));
        String code = newCode();
        mvc.perform(put("/api/v1/sla/calendars/" + code).with(as("SUPERVISOR")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Berlin", "zone": "Europe/Berlin", "country": "de",
                                 "hours": {"MONDAY": "09:00-17:00"}}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.country").value("DE"));
        mvc.perform(post("/api/v1/sla/calendars/" + code + "/public-holidays").with(as("SUPERVISOR"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"year\": 2026}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("Jollyday public holidays of DE 2026"));
        assertThat(calendars.get(code).day(LocalDate.of(2026, 10, 3))).isPresent();
        mvc.perform(post("/api/v1/sla/calendars/" + code + "/public-holidays").with(as("SUPERVISOR"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"country\": \"FR\", \"year\": 2026}"))
                .andExpect(jsonPath("$.source").value("Jollyday public holidays of FR 2026"));
        String none = createCalendar();
        mvc.perform(post("/api/v1/sla/calendars/" + none + "/public-holidays").with(as("SUPERVISOR"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"year\": 2026}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("country"));
        mvc.perform(put("/api/v1/sla/calendars/" + none).with(as("SUPERVISOR")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\", \"zone\": \"UTC\", \"country\": \"XX\", \"hours\": {\"MONDAY\": \"09:00-17:00\"}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("country"));
    }

    private ResultActions duration(String calendar, String start, String duration)
            throws Exception {
        return mvc.perform(post("/api/v1/sla/deadlines/duration").with(as("AGENT")).param("lang", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"calendar": "%s", "start": "%s", "duration": "%s"}""".formatted(calendar, start, duration)));
    }

    private String createCalendar() throws Exception {
        String code = newCode();
        mvc.perform(put("/api/v1/sla/calendars/" + code).with(as("SUPERVISOR")).contentType(MediaType.APPLICATION_JSON)
                .content(calendar("09:00-18:00"))).andExpect(status().isOk());
        return code;
    }

    private static String calendar(String weekdayHours) {
        return """
                {"name": "Test", "zone": "Asia/Shanghai", "hours": {"MONDAY": "%1$s", "TUESDAY": "%1$s",
                 "WEDNESDAY": "%1$s", "THURSDAY": "%1$s", "FRIDAY": "%1$s", "SATURDAY": "", "SUNDAY": ""}}"""
                .formatted(weekdayHours);
    }

    private static String ics(String start, String end, String kind, String name) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:1@test\r\nDTSTART;VALUE=DATE:"
                + start + "\r\nDTEND;VALUE=DATE:" + end + "\r\nSUMMARY:" + name + "\r\nCATEGORIES:" + kind
                + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private static MockMultipartFile file(String name, String content) {
        return new MockMultipartFile("file", name, "application/octet-stream", content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String newCode() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestPostProcessor as(String role) {
        return user(role.toLowerCase()).roles(role);
    }
}
