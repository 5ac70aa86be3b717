package com.tierdesk.customer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CustomerMessagesTests {

    @Test
    void everyCustomerMessageExistsInChineseAndEnglish() throws IOException {
        Map<String, String> defaults = customerMessages("messages.properties");
        Map<String, String> chinese = customerMessages("messages_zh_CN.properties");
        Map<String, String> english = customerMessages("messages_en.properties");

        assertThat(defaults).isNotEmpty().isEqualTo(chinese);
        assertThat(english.keySet()).isEqualTo(defaults.keySet());
        assertThat(english.values()).allSatisfy(text -> assertThat(text).isNotBlank());
    }

    private static Map<String, String> customerMessages(String file) throws IOException {
        var properties = new Properties();
        try (var in = new InputStreamReader(CustomerMessagesTests.class.getResourceAsStream("/" + file),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        var messages = new TreeMap<String, String>();
        properties.stringPropertyNames().stream().filter(key -> key.startsWith("customer."))
                .forEach(key -> messages.put(key, properties.getProperty(key)));
        return messages;
    }
}
