package com.tierdesk.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.task.TaskKind;
import com.tierdesk.task.TaskStatus;
import com.tierdesk.tiering.AssessmentResult;
import com.tierdesk.tiering.ResultFilter;
import com.tierdesk.tiering.RunStatus;
import com.tierdesk.tiering.TierChange;
import com.tierdesk.tiering.TierOverride;
import com.tierdesk.tiering.TriggerKind;
import com.tierdesk.tiering.TriggerRecord;
import com.tierdesk.tiering.scoring.GradingReason;
import com.tierdesk.tiering.scoring.Indicator;
import com.tierdesk.tiering.scoring.Metric;
import com.tierdesk.tiering.scoring.TierDecision;
import com.tierdesk.tiering.scoring.TierPolicy;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The keys the tiering and task pages compute from values (statuses, reasons, metrics) exist in every language. */
class TieringMessagesTests {

    @Test
    void everyComputedKeyExistsInChineseAndEnglish() throws IOException {
        List<String> computed = Stream.of(
                keys("tiering.status.", RunStatus.values()), keys("tiering.status.", TierOverride.Status.values()),
                keys("tiering.stage.", "QUEUED", "READING", "SCORING", "WRITING", "DONE"),
                keys("tiering.trigger.", TriggerKind.values()), keys("tiering.triggerKind.", TriggerRecord.Kind.values()),
                keys("tiering.change.", AssessmentResult.Change.values()), keys("tiering.filter.", ResultFilter.values()),
                keys("tiering.reason.", TierDecision.Reason.values()), keys("tiering.why.", TierDecision.Reason.values()),
                keys("tiering.grading.", TierPolicy.Grading.values()), keys("tiering.gradedBy.", GradingReason.Kind.values()),
                keys("tiering.model.policyFacts.", TierPolicy.Grading.values()),
                keys("tiering.direction.", Indicator.Direction.values()),
                keys("tiering.normalisation.", "BREAKPOINTS", "PERCENTILE_RANK", "LOG_SCALE"),
                keys("tiering.metric.", Arrays.stream(Metric.values()).map(Metric::key).toArray()),
                keys("tiering.source.", TierChange.Source.values()),
                keys("tiering.run.decided.", "approved", "rejected", "published"),
                keys("tiering.overrides.decided.", "approved", "rejected", "revoked"),
                keys("task.status.", TaskStatus.values()), keys("task.completed.", "DONE", "CANCELLED"),
                keys("task.kind.", TaskKind.values())).flatMap(List::stream).toList();

        for (String file : List.of("messages.properties", "messages_zh_CN.properties", "messages_en.properties")) {
            assertThat(load(file).stringPropertyNames()).as(file).containsAll(computed);
        }
    }

    private static List<String> keys(String prefix, Object... values) {
        return Arrays.stream(values).map(value -> prefix + value).toList();
    }

    private static Properties load(String file) throws IOException {
        var properties = new Properties();
        try (var in = new InputStreamReader(TieringMessagesTests.class.getResourceAsStream("/" + file), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
