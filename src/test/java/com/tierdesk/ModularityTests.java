package com.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final Pattern USES_ROW = Pattern.compile("(?m)^\\| `(\\w+)` \\| ((?:`\\w+`(?:, )?)+|—) \\|$");

    private final ApplicationModules modules = ApplicationModules.of(TierDeskApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theArchitecturePageSaysWhichModuleUsesWhich() throws IOException {
        Map<String, Set<String>> inCode = new TreeMap<>();
        modules.forEach(module -> inCode.put(module.getIdentifier().toString(), module.getDirectDependencies(modules)
                .uniqueModules().map(used -> used.getIdentifier().toString())
                .collect(Collectors.toCollection(TreeSet::new))));
        inCode.values().removeIf(Set::isEmpty);

        Map<String, Set<String>> documented = new TreeMap<>();
        Matcher row = USES_ROW.matcher(Files.readString(Path.of("docs/architecture.md")));
        while (row.find()) {
            if (!row.group(2).equals("—")) {
                documented.put(row.group(1), Arrays.stream(row.group(2).split(", "))
                        .map(name -> name.replace("`", "")).collect(Collectors.toCollection(TreeSet::new)));
            }
        }

        assertThat(documented).isEqualTo(inCode);
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
