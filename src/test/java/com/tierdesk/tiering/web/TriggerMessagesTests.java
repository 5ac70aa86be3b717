package com.tierdesk.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.tiering.CadenceGroup;
import com.tierdesk.tiering.RunId;
import com.tierdesk.tiering.RunStatus;
import com.tierdesk.tiering.TriggerReason;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every reason a check can record, and every line of a check's outcome, can be said in Chinese and in English. */
class TriggerMessagesTests {

    static List<TriggerReason> everyKindOfReason() {
        List<TriggerReason> reasons = new ArrayList<>();
        for (CadenceGroup group : CadenceGroup.values()) {
            reasons.add(new TriggerReason.Cadence(group, "VIP", 1, List.of(1, 7), LocalDate.of(2027, 1, 1), 1, null, null, 7));
        }
        for (RunStatus ended : List.of(RunStatus.REJECTED, RunStatus.FAILED)) {
            reasons.add(new TriggerReason.Cadence(CadenceGroup.TOP_TIER, "VIP", 1, List.of(1, 4, 7, 10), LocalDate.of(2027, 4, 1), 2,
                    RunId.of(12), ended, 7));
        }
        reasons.add(new TriggerReason.SpendDrop(YearMonth.of(2027, 2), new BigDecimal("120.00"), new BigDecimal("500.00"),
                new BigDecimal("1000.00"), new BigDecimal("50"), YearMonth.of(2026, 1), YearMonth.of(2026, 12), 12));
        reasons.add(new TriggerReason.ChurnWarning(LocalDate.of(2027, 1, 2), 90, 90, false));
        reasons.add(new TriggerReason.ChurnWarning(LocalDate.of(2026, 1, 2), 455, 90, true));
        reasons.add(new TriggerReason.Text("no paid order since 2026-01-02 (95 days, more than 90)"));
        return reasons;
    }

    @Test
    void everyReasonIsSaidInBothLanguagesWithAllItsFigures() throws IOException {
        for (String file : List.of("messages.properties", "messages_zh_CN.properties", "messages_en.properties")) {
            Properties messages = load(file);
            for (TriggerReason reason : everyKindOfReason()) {
                String pattern = messages.getProperty("tiering.because." + reason.code());
                assertThat(pattern).as(file + ": " + reason.code()).isNotNull();
                String said = new MessageFormat(pattern, Locale.ROOT).format(reason.figures());
                assertThat(said).as(file + ": " + reason.code()).doesNotContain("{");
            }
            for (String code : List.of("CHURN_WARNING", "CHURN_CATCH_UP")) {
                assertThat(messages.getProperty("task.because." + code)).as(file).isEqualTo(messages.getProperty("tiering.because." + code));
            }
            for (CadenceGroup group : CadenceGroup.values()) {
                assertThat(messages.getProperty("tiering.checks.cadence." + group)).as(file).isNotNull();
            }
            for (String view : List.of("MINE", "ALL", "POOL")) {
                assertThat(messages.getProperty("task.title." + view)).as(file).isNotNull();
            }
        }
    }

    private static Properties load(String file) throws IOException {
        var properties = new Properties();
        try (var in = new InputStreamReader(TriggerMessagesTests.class.getResourceAsStream("/" + file), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
