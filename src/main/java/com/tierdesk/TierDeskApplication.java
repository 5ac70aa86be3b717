package com.tierdesk;

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

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            var batch = new SpringApplicationBuilder(TierDeskApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("tierdesk.command-line=true", "tierdesk.demo.enabled=false",
                            "spring.main.banner-mode=off", "logging.level.root=WARN",
                            "logging.level.com.tierdesk=INFO")
                    .run(args);
            System.exit(SpringApplication.exit(batch));
        }
        SpringApplication.run(TierDeskApplication.class, args);
    }
}
