package com.tierdesk;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

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
        SpringApplication.run(TierDeskApplication.class, args);
    }

    /** A command name or a request for the command line's help; server options ({@code --server.port=...}) are not. */
    private static boolean isCommand(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || Set.of("-h", "--help", "-V", "--version").contains(args[0]));
    }
}
