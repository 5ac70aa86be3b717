package com.tierdesk.cli;

import com.tierdesk.security.CommandLineActors;
import com.tierdesk.security.Role;
import com.tierdesk.shared.Refusal;
import com.tierdesk.tiering.CadenceGroup;
import com.tierdesk.tiering.TieringTriggers.CadenceStart;
import com.tierdesk.tiering.TieringTriggers.CheckOutcome;
import com.tierdesk.tiering.TieringTriggers;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "checks", mixinStandardHelpOptions = true, resourceBundle = TierDeskCommand.HELP)
class ChecksCommand implements Callable<Integer> {

    private final TieringTriggers triggers;
    private final CommandLineActors actors;
    private final MessageSource messages;
    private final CliText text;

    @Spec
    CommandSpec spec;

    /** Who runs the checks and starts their runs; they cannot approve those runs. */
    @Mixin
    ActingAccount by = new ActingAccount();

    ChecksCommand(TieringTriggers triggers, CommandLineActors actors, MessageSource messages, CliText text) {
        this.text = text;
        this.triggers = triggers;
        this.actors = actors;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Locale locale = CliText.locale();
        if (by.admit(actors, Role.SUPERVISOR, spec, text).isEmpty()) {
            return ActingAccount.REFUSED;
        }
        CheckOutcome outcome;
        try {
            outcome = triggers.check(by.name);
        } catch (Refusal e) {
            spec.commandLine().getErr().println(this.text.refusal(e));
            return 2;
        }
        out.println(text(locale, "tiering.checks.done", outcome.day()));
        for (CadenceStart started : outcome.cadenceRuns()) {
            String line = started.group() == CadenceGroup.TOP_TIER
                    ? text(locale, "tiering.checks.cadence.TOP_TIER", started.tier(), started.dueOn(), started.attempt())
                    : text(locale, "tiering.checks.cadence.EVERYBODY", started.dueOn(), started.attempt());
            out.println("  " + line + ": " + text(locale, "tiering.run.title", started.run()));
        }
        if (outcome.cadenceRuns().isEmpty()) {
            out.println("  " + text(locale, "tiering.checks.cadence.none"));
        }
        out.println("  " + text(locale, "tiering.checks.spendDrops", outcome.spendDrops())
                + (outcome.spendDropRun() == null ? "" : ": " + text(locale, "tiering.run.title", outcome.spendDropRun())));
        out.println("  " + text(locale, "tiering.checks.churnWarnings", outcome.churnWarnings()));
        out.println("  " + text(locale, "tiering.checks.catchUp", outcome.catchUpWarnings(), outcome.catchUpWaiting()));
        return 0;
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
