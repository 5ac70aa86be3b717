package com.tierdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every refusal and every command-line message can be read in both languages: each {@code problem.*} and {@code cli.*}
 * code written in the code has an entry in all three bundles, each entry is used, each pattern reads, and the Chinese
 * text is not the English one left untranslated.
 */
class ProblemCodesTests {

    private static final Pattern CODE = Pattern.compile("\"((?:problem|cli)\\.[a-zA-Z0-9_.-]+)\"");

    /** Entries that are the same in both languages because they hold nothing but their arguments. */
    private static final Set<String> SAME_IN_BOTH = Set.of("problem.holidays.ics-line", "problem.run.failure-text");

    @Test
    void everyCodeInTheCodeHasAnEntryInEveryBundle() throws IOException {
        Set<String> used = codesInCode();
        assertThat(used).as("codes found in src/main").hasSizeGreaterThan(200);
        for (String bundle : new String[] {"messages.properties", "messages_zh_CN.properties", "messages_en.properties"}) {
            assertThat(bundle(bundle).stringPropertyNames()).as(bundle).containsAll(used);
        }
    }

    @Test
    void everyEntryIsUsedAndReadsAsAMessagePattern() throws IOException {
        Set<String> used = codesInCode();
        for (String bundle : new String[] {"messages.properties", "messages_zh_CN.properties", "messages_en.properties"}) {
            Properties messages = bundle(bundle);
            for (String key : messages.stringPropertyNames()) {
                if (key.startsWith("problem.") || key.startsWith("cli.")) {
                    assertThat(used).as("%s in %s is used", key, bundle).contains(key);
                    String text = messages.getProperty(key);
                    if (text.contains("{")) {
                        assertThat(new MessageFormat(text, Locale.ROOT).format(new Object[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}))
                                .as("%s in %s", key, bundle).doesNotContain("{");
                        assertThat(text.replace("''", "")).as("%s in %s writes a quote twice", key, bundle).doesNotContain("'");
                    }
                }
            }
        }
    }

    @Test
    void chineseIsTranslatedAndTheDefaultBundleIsChinese() throws IOException {
        Properties english = bundle("messages_en.properties");
        Properties chinese = bundle("messages_zh_CN.properties");
        Properties fallback = bundle("messages.properties");
        for (String key : english.stringPropertyNames()) {
            if (key.startsWith("problem.") || key.startsWith("cli.")) {
                assertThat(fallback.getProperty(key)).as(key).isEqualTo(chinese.getProperty(key));
                if (!SAME_IN_BOTH.contains(key)) {
                    assertThat(chinese.getProperty(key)).as("%s in Chinese", key).isNotEqualTo(english.getProperty(key));
                }
            }
        }
    }

    private static Set<String> codesInCode() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = CODE.matcher(Files.readString(file));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        return codes;
    }

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
