package com.tierdesk.cli;

import com.tierdesk.security.ApiTokens;
import com.tierdesk.security.CommandLineActors;
import com.tierdesk.security.IssuedToken;
import com.tierdesk.security.NewToken;
import com.tierdesk.security.Role;
import com.tierdesk.security.TokenScope;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.InvalidInput;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "token", mixinStandardHelpOptions = true, resourceBundle = TierDeskCommand.HELP)
class TokenCommand implements Callable<Integer> {

    private final ApiTokens tokens;
    private final CommandLineActors actors;
    private final BusinessTime time;
    private final CliText text;

    @Spec
    CommandSpec spec;

    @Mixin
    ActingAccount by = new ActingAccount();

    @Option(names = "--account", required = true)
    String account;

    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--scope", defaultValue = "API")
    TokenScope scope;

    @Option(names = "--role")
    Role role;

    @Option(names = "--valid-for")
    Duration validFor;

    TokenCommand(ApiTokens tokens, CommandLineActors actors, BusinessTime time, CliText text) {
        this.text = text;
        this.tokens = tokens;
        this.actors = actors;
        this.time = time;
    }

    @Override
    public Integer call() {
        if (by.admit(actors, Role.ADMIN, spec, text).isEmpty()) {
            return ActingAccount.REFUSED;
        }
        try {
            IssuedToken issued = tokens.issue(new NewToken(account, name, scope, role,
                    validFor == null ? null : time.now().plus(validFor)), by.name);
            spec.commandLine().getOut().println(issued.plaintext());
            return 0;
        } catch (InvalidInput e) {
            e.problems().forEach(problem -> spec.commandLine().getErr()
                    .println("--" + option(problem.field()) + ": " + text.reason(problem.reason())));
            return 2;
        }
    }

    private static String option(String field) {
        return "expiresAt".equals(field) ? "valid-for" : field;
    }
}
