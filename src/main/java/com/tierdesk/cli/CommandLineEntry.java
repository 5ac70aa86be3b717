package com.tierdesk.cli;

import java.util.Comparator;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Runs the command given on the command line when the application was started as a batch job. */
@Component
@ConditionalOnProperty(name = "tierdesk.command-line", havingValue = "true")
class CommandLineEntry implements CommandLineRunner, ExitCodeGenerator {

    private final ApplicationContext context;
    private int exitCode;

    CommandLineEntry(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void run(String... args) {
        CommandLine root = new CommandLine(new TierDeskCommand());
        context.getBeansWithAnnotation(Command.class).values().stream()
                .sorted(Comparator.comparing(bean -> bean.getClass().getSimpleName()))
                .forEach(root::addSubcommand);
        exitCode = root.execute(args);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
