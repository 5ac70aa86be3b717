package com.tierdesk;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

/**
 * TierDesk: grades customers into tiers and runs tiered after-sales service.
 * Without arguments it starts the web console and API; with a command
 * ({@code import}, {@code demo-data}, ...) it runs that batch job and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TierDeskApplication {

    /** A batch command runs quietly, without a web server and without loading demo data. */
    private static final Map<String, String> COMMAND_LINE_SETTINGS = Map.of(
            "tierdesk.command-line", "true", "tierdesk.demo.enabled", "false", "spring.main.banner-mode", "off",
            "logging.level.root", "WARN", "logging.level.org.flywaydb", "ERROR");

    public static void main(String[] args) {
        if (isCommand(args)) {
            // system properties, so that they win over application.properties and reach the logging system
            COMMAND_LINE_SETTINGS.forEach(System::setProperty);
            var batch = new SpringApplicationBuilder(TierDeskApplication.class).web(WebApplicationType.NONE).run(args);
            System.exit(SpringApplication.exit(batch));
        }
        var server = new SpringApplication(TierDeskApplication.class);
        server.addInitializers(TierDeskApplication::closeFirstOnSignals);
        server.run(args);
    }

    /**
     * Ctrl+C and SIGTERM close the application before the JVM runs its shutdown hooks. The embedded H2 file database
     * (AUTO_SERVER, which needs H2's own close at JVM exit) would otherwise be closed by H2's hook while the
     * application's beans still use it on their way out (the event publication registry reads it), logging errors and
     * leaving a {@code .trace.db} file. Closed this way, the connection pool closes the database last. Installed before
     * the context starts, so that a signal right after the start is handled so too.
     */
    private static void closeFirstOnSignals(ConfigurableApplicationContext server) {
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> {
                server.close();
                System.exit(128 + signal.getNumber());
            });
        }
    }

    /** A command name or a request for the command line's help; server options ({@code --server.port=...}) are not. */
    private static boolean isCommand(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || Set.of("-h", "--help", "-V", "--version").contains(args[0]));
    }
}
