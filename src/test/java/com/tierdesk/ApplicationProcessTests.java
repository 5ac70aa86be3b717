package com.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application as a user starts it, in a JVM of its own on the shipped embedded set-up (an H2 file under
 * {@code ./data} of the working directory, whatever database the suite runs on): a server stopped the usual way
 * (SIGTERM) and a command, each on a fresh database.
 */
@Tag("h2-smoke")
class ApplicationProcessTests {

    private static final Pattern CONSOLE = Pattern.compile("TierDesk console: http://localhost:(\\d+)/");

    @TempDir
    Path work;

    @Test
    void aServerStoppedLogsNoErrorAndLeavesNoH2TraceFile() throws Exception {
        Path log = work.resolve("server.log");
        ProcessBuilder command = embedded(ApplicationProcess.command(work, "--server.port=0"));
        command.environment().put("TIERDESK_DEMO_DATA", "false");
        command.environment().put("TIERDESK_DEMO_USERS", "false");
        Process server = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            Matcher console = CONSOLE.matcher("");
            while (!console.reset(Files.readString(log)).find() && server.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(console.find(0)).as("started").isTrue();
            // ready once every start-up listener is done (the scheduler's start among them): stopped then, not midway
            var readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + console.group(1) + "/actuator/health/readiness")).build();
            HttpClient http = HttpClient.newHttpClient();
            while (http.send(readiness, HttpResponse.BodyHandlers.ofString()).statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        } finally {
            server.destroy();
        }

        assertThat(server.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.readString(log)).doesNotContain(" ERROR ", "Exception").doesNotContain("demo accounts");
        assertThat(work.resolve("data/tierdesk.mv.db")).exists();
        assertThat(traceFiles()).isEmpty();
    }

    @Test
    void anImportCreatingCustomersSaysHowManyAndPrintsNothingBeforeItsSummary() throws Exception {
        Path orders = Files.writeString(work.resolve("orders.csv"), """
                external_id,customer_code,amount,placed_at
                O1,NEW1,10.00,2025-03-01T10:00:00+08:00
                O2,NEW1,20.00,2025-03-02T10:00:00+08:00
                O3,NEW2,30.00,2025-03-03T10:00:00+08:00
                """);
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");

        Process importing = embedded(ApplicationProcess.command(work, "import", "orders", orders.toString(),
                "--create-missing-customers")).redirectOutput(out.toFile()).redirectError(err.toFile()).start();

        assertThat(importing.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(importing.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(out)).startsWith(
                "orders orders.csv: committed, 3 rows: 3 created, 0 updated, 0 unchanged, 0 rejected; 2 new customers (");
        assertThat(Files.readString(err)).as("only the progress line").doesNotContain("WARN", "ERROR");
        assertThat(traceFiles()).isEmpty();
    }

    /** The shipped database settings: no data source from the suite's environment. */
    private static ProcessBuilder embedded(ProcessBuilder command) {
        List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "SPRING_PROFILES_ACTIVE")
                .forEach(command.environment()::remove);
        return command;
    }

    private List<Path> traceFiles() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".trace.db")).toList();
        }
    }
}
