package com.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.security.ApiToken;
import com.tierdesk.security.Role;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every console text exists in Chinese and English, and every key a template names is defined. */
class I18nPropertiesSyncTests {

    private static final Path RESOURCES = Path.of("src/main/resources");
    /** Literal keys such as #{nav.customers} or #{tokens.issued(${name})}; computed keys #{${...}} are checked below. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").keySet()).isEqualTo(load("messages.properties").keySet());
        assertThat(load("messages_zh_CN.properties").keySet()).isEqualTo(load("messages.properties").keySet());
    }

    @Test
    void defaultMessagesAreTheChineseOnes() throws IOException {
        assertThat(load("messages_zh_CN.properties")).isEqualTo(load("messages.properties"));
    }

    /** A key written twice keeps only its last text, so the first meaning is silently lost. */
    @Test
    void noKeyIsDefinedTwice() throws IOException {
        Pattern entry = Pattern.compile("^([A-Za-z0-9_.-]+)=", Pattern.MULTILINE);
        for (String file : Set.of("messages.properties", "messages_zh_CN.properties", "messages_en.properties")) {
            Set<String> seen = new TreeSet<>();
            Set<String> twice = new TreeSet<>();
            Matcher key = entry.matcher(Files.readString(RESOURCES.resolve(file)));
            while (key.find()) {
                if (!seen.add(key.group(1))) {
                    twice.add(key.group(1));
                }
            }
            assertThat(twice).as(file).isEmpty();
        }
    }

    @Test
    void noMessageIsBlank() throws IOException {
        for (String file : Set.of("messages.properties", "messages_zh_CN.properties", "messages_en.properties")) {
            assertThat(load(file)).as(file).allSatisfy((key, value) -> assertThat(value).as(key).isNotBlank());
        }
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Set<String> defined = load("messages.properties").keySet();
        Map<Path, Set<String>> missing = new TreeMap<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : templates.filter(path -> path.toString().endsWith(".html")).toList()) {
                Matcher keys = TEMPLATE_KEY.matcher(Files.readString(template, StandardCharsets.UTF_8));
                while (keys.find()) {
                    if (!defined.contains(keys.group(1))) {
                        missing.computeIfAbsent(template, any -> new TreeSet<>()).add(keys.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void computedKeysForRolesAndTokenStatesExist() throws IOException {
        Set<String> defined = load("messages.properties").keySet();
        assertThat(defined).containsAll(Arrays.stream(Role.values()).map(role -> "role." + role).toList());
        assertThat(defined).containsAll(Arrays.stream(ApiToken.Status.values()).map(status -> "tokens.status." + status).toList());
    }

    private static Map<String, String> load(String file) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        var messages = new TreeMap<String, String>();
        properties.stringPropertyNames().forEach(key -> messages.put(key, properties.getProperty(key)));
        return messages;
    }
}
