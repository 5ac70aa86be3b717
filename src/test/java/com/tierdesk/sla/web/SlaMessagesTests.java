package com.tierdesk.sla.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.sla.Channel;
import com.tierdesk.sla.ClockEnd;
import com.tierdesk.sla.ClockNote;
import com.tierdesk.sla.ClockStatus;
import com.tierdesk.sla.DayKind;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.sla.SolvedWithoutReply;
import com.tierdesk.sla.TicketType;
import com.tierdesk.sla.TierChangeRule;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every value the SLA console and trace put into words has its words, in Chinese and in English. */
class SlaMessagesTests {

    @Test
    void everyKindOfTheSlaEngineHasItsWords() throws IOException {
        var keys = new ArrayList<String>();
        keys.addAll(keys("sla.target.", SlaTarget.values()));
        keys.addAll(keys("sla.type.", TicketType.values()));
        keys.addAll(keys("sla.priority.", Priority.values()));
        keys.addAll(keys("sla.channel.", Channel.values()));
        keys.addAll(keys("sla.status.", ClockStatus.values()));
        keys.addAll(keys("sla.clockEnd.", ClockEnd.values()));
        keys.addAll(keys("sla.rule.", TierChangeRule.values()));
        keys.addAll(keys("sla.solvedWithoutReply.", SolvedWithoutReply.values()));
        keys.addAll(keys("sla.dayKind.", DayKind.values()));
        keys.addAll(keys("sla.note.", ClockNote.Kind.values()));
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            assertThat(load(file).stringPropertyNames()).as(file).containsAll(keys);
        }
    }

    private static List<String> keys(String prefix, Enum<?>[] values) {
        return Arrays.stream(values).map(value -> prefix + value.name()).toList();
    }

    private static Properties load(String file) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
