package com.tierdesk.cli;

import com.tierdesk.security.CommandLineActors;
import com.tierdesk.security.Role;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.NotFound;
import com.tierdesk.tiering.AssessmentRun;
import com.tierdesk.tiering.RunDecisions;
import com.tierdesk.tiering.RunId;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "publish", mixinStandardHelpOptions = true, resourceBundle = TierDeskCommand.HELP)
class PublishCommand implements Callable<Integer> {

    private final RunDecisions decisions;
    private final CommandLineActors actors;
    private final CliText text;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", descriptionKey = "run")
    long run;

    @Mixin
    ActingAccount by = new ActingAccount();

    PublishCommand(RunDecisions decisions, CommandLineActors actors, CliText text) {
        this.text = text;
        this.decisions = decisions;
        this.actors = actors;
    }

    @Override
    public Integer call() {
        if (by.admit(actors, Role.SUPERVISOR, spec, text).isEmpty()) {
            return ActingAccount.REFUSED;
        }
        try {
            AssessmentRun published = decisions.publish(RunId.of(run));
            spec.commandLine().getOut().println(text.text("cli.publish.done", published.id(), published.status(),
                    published.publishedAt()));
            return 0;
        } catch (Conflict | NotFound e) {
            spec.commandLine().getErr().println(text.refusal(e));
            return 2;
        }
    }
}
