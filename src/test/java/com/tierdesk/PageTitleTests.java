package com.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every console page's title is its own name and nothing more: the layout adds "· TierDesk" once
 * ({@code fragments/layout.html}), which it can only do around a title that leaves its tag behind.
 */
class PageTitleTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>");

    @Test
    void everyPageOnTheLayoutGivesOnlyItsOwnName() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            pages = files.filter(file -> file.toString().endsWith(".html")).filter(PageTitleTests::usesTheLayout).toList();
        }

        assertThat(pages).hasSizeGreaterThan(10);
        for (Path page : pages) {
            Matcher title = TITLE.matcher(Files.readString(page));
            assertThat(title.find()).as(page + " has a title").isTrue();
            assertThat(title.group()).as(page.toString()).contains("th:remove=\"tag\"").doesNotContain("TierDesk");
        }
    }

    private static boolean usesTheLayout(Path template) {
        try {
            return Files.readString(template).contains("fragments/layout :: layout(~{::title}");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
