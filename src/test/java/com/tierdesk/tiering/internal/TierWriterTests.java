package com.tierdesk.tiering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TierWriterTests {

    static final Pattern WRITES_TIER_TABLES = Pattern.compile(
            "(?i)(INSERT\\s+INTO|UPDATE|MERGE\\s+INTO|DELETE\\s+FROM|TRUNCATE(\\s+TABLE)?)\\s+(customer_tier|tier_history)\\b");

    @Test
    void isTheOnlyCodeThatWritesCurrentTiersAndTimelines() throws IOException {
        Path sources = Path.of("src", "main", "java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> writers = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> WRITES_TIER_TABLES.matcher(read(file)).find())
                    .map(file -> sources.relativize(file).toString().replace('\\', '/')).toList();

            assertThat(writers).containsExactly("com/tierdesk/tiering/internal/TierWriter.java");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
