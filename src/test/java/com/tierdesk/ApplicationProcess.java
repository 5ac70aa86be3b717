package com.tierdesk;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/** Starts the application in a JVM of its own, as {@code ./tierdesk} or a server start does. */
public final class ApplicationProcess {

    private ApplicationProcess() {
    }

    /** {@code java -cp <the application> com.tierdesk.TierDeskApplication args...}, run in the given directory. */
    public static ProcessBuilder command(Path directory, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath(), TierDeskApplication.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(directory.toFile());
    }

    /**
     * The application's classpath without the test classes (whose test configurations a plain start would pick up),
     * read through the manifest of the launcher jar when the test runner uses one.
     */
    public static String classpath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File file = new File(entry);
            if (file.isFile() && entry.endsWith(".jar")) {
                try (var jar = new JarFile(file)) {
                    String manifestPath = jar.getManifest() == null ? null
                            : jar.getManifest().getMainAttributes().getValue("Class-Path");
                    if (manifestPath != null && jar.getManifest().getMainAttributes().getValue("Main-Class") != null) {
                        for (String reference : manifestPath.trim().split("\\s+")) {
                            entries.add(new File(file.getParentFile().toURI().resolve(URI.create(reference))).getPath());
                        }
                        continue;
                    }
                }
            }
            entries.add(entry);
        }
        return String.join(File.pathSeparator, entries.stream()
                .filter(entry -> !entry.replace('\\', '/').replaceAll("/$", "").endsWith("test-classes")).toList());
    }
}
