package com.tierdesk.sla.web;

import static com.tierdesk.sla.Calendars.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.sla.Channel;
import com.tierdesk.sla.ClockQuery;
import com.tierdesk.sla.DeadlineQuery;
import com.tierdesk.sla.Pause;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaDeadlines;
import com.tierdesk.sla.TicketEvent;
import com.tierdesk.sla.TicketType;
import com.tierdesk.sla.TierChangeRule;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The trace in words, Chinese and English, written from what the SLA engine computed. */
@SpringBootTest
class TraceTextTests {

    @Autowired
    SlaDeadlines deadlines;

    @Autowired
    TraceText text;

    private final DeadlineQuery keyComplaint = new DeadlineQuery("C2024001", "KEY", TicketType.COMPLAINT, Priority.HIGH,
            Channel.PHONE, false, shanghai("2025-02-07T17:00"), List.of(), 1, null);

    @Test
    void explainsTheRowTheCalendarAndEachStepInEnglish() {
        var trace = text.write(deadlines.deadlines(keyComplaint), Locale.ENGLISH);

        assertThat(trace.lines()).contains(
                "Policy version 1 (Shipped default matrix, by system)",
                "Customer C2024001, tier Key (KEY), type Complaint, priority High, channel Phone",
                "Calendar business (工作日 Business hours), time zone Asia/Shanghai",
                "No pauses",
                "Resolution: row 17 (KEY × Complaint × any priority) → 8 h on calendar business; no row names priority "
                        + "High, so the row for every priority applies",
                "Fri 2025-02-07 17:00–18:00 1 h",
                "Sat 2025-02-08 make-up day (春节调休 Spring Festival make-up day) 09:00–16:00 7 h",
                "→ due Sat 2025-02-08 16:00 (Asia/Shanghai)");
        assertThat(trace.lines()).anyMatch(line -> line.startsWith("Holidays of 2025 from: 国务院办公厅关于2025年部分节假日安排的通知"));
        assertThat(trace.warnings()).isEmpty();
    }

    @Test
    void writesTheSameTraceInChinese() {
        var trace = text.write(deadlines.deadlines(keyComplaint), Locale.SIMPLIFIED_CHINESE);

        assertThat(trace.lines()).contains(
                "客户 C2024001，等级 重点客户 (KEY)，类型 投诉，优先级 高，渠道 电话",
                "周五 2025-02-07 17:00–18:00 1 小时",
                "周六 2025-02-08 调休上班日（春节调休 Spring Festival make-up day）09:00–16:00 7 小时",
                "→ 截止 周六 2025-02-08 16:00（Asia/Shanghai）");
    }

    @Test
    void namesTheHolidaysSkippedAndThePausesAndWarnsOfAYearWithoutData() {
        var query = new DeadlineQuery(null, "REGULAR", TicketType.INQUIRY, null, Channel.EMAIL, false,
                shanghai("2026-12-30T17:00"), List.of(new Pause(shanghai("2026-12-31T09:00"), shanghai("2026-12-31T10:00"))),
                1, null);

        var trace = text.write(deadlines.deadlines(query), Locale.ENGLISH);

        assertThat(trace.warnings()).containsExactly(
                "Calendar business has no holiday data for 2027: that year only weekends are off");
        assertThat(trace.lines()).contains("Paused Thu 2026-12-31 09:00 – Thu 2026-12-31 10:00",
                "paused Thu 2026-12-31 09:00 – Thu 2026-12-31 10:00, not counted",
                "Sat 2027-01-02 – Sun 2027-01-03 weekend skipped");
        var spring = text.write(deadlines.deadlines(new DeadlineQuery(null, "WATCH", TicketType.COMPLAINT, null,
                Channel.EMAIL, false, shanghai("2026-02-13T16:00"), List.of(), 1, null)), Locale.ENGLISH);
        assertThat(spring.lines()).contains("Sun 2026-02-15 – Mon 2026-02-23 holiday 春节 Spring Festival skipped");
    }

    @Test
    void explainsAReplayedClockAndItsTierChangeInChinese() {
        var query = new ClockQuery(null, TicketType.COMPLAINT, null, Channel.EMAIL, false, List.of(
                TicketEvent.created(shanghai("2025-03-04T10:00"), "KEY"),
                TicketEvent.tierChanged(shanghai("2025-03-04T10:20"), "VIP")), shanghai("2025-03-04T10:40"), 1,
                TierChangeRule.KEEP_BETTER, null);

        var trace = text.write(deadlines.clocks(query), Locale.SIMPLIFIED_CHINESE);

        // KEY's first response (1 bh) would be due 11:00; VIP's 30 min from the change at 10:20 ends earlier.
        assertThat(trace.lines()).contains("等级变更规则：保留更优的 SLA；目标时间用去 75% 即为有风险",
                "未回复或未决定即解决时，首次响应和退换货决定：不适用（不计入达成率）",
                "周二 2025-03-04 10:20 等级由 KEY 改为 VIP：新等级的 30 分钟 自变更时起算，截止 周二 2025-03-04 10:50，"
                        + "早于原截止 周二 2025-03-04 11:00，采用新等级",
                "周二 2025-03-04 10:20 随等级改为 VIP 开始计时",
                "周二 2025-03-04 10:20–10:50 30 分钟",
                "→ 截止 周二 2025-03-04 10:50（Asia/Shanghai）");
        assertThat(trace.lines()).anyMatch(line -> line.startsWith("状态：正常，已用 20 分钟，剩余 10 分钟；将于 周二 2025-03-04 10:42:30"));
    }

    @Test
    void saysWhatEndedEachClockInEnglish() {
        var query = new ClockQuery(null, TicketType.INQUIRY, null, Channel.EMAIL, false, List.of(
                TicketEvent.created(shanghai("2025-03-04T10:00"), "KEY"),
                TicketEvent.of(shanghai("2025-03-04T10:30"), TicketEvent.Kind.SOLVED)), shanghai("2025-03-04T12:00"), 1,
                null, null);

        var trace = text.write(deadlines.clocks(query), Locale.ENGLISH);

        assertThat(trace.lines()).contains(
                "Status Not applicable, elapsed 30 min, remaining 7 h 30 min; ended Tue 2025-03-04 10:30 (ticket solved)",
                "Status Met, elapsed 30 min, remaining 23 h 30 min; ended Tue 2025-03-04 10:30 (ticket solved)");
    }
}
