package com.tierdesk.cli;

import com.tierdesk.security.ApiTokens;
import com.tierdesk.security.IssuedToken;
import com.tierdesk.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Issues an API token for an integration, for administrators who work on the server: the token "
                + "is printed once (on standard output, alone, for scripts) and only its digest is stored.")
class TokenCommand implements Callable<Integer> {

    private final ApiTokens tokens;

    @Spec
    CommandSpec spec;

    @Option(names = "--name", required = true, description = "What the token is for.")
    String name;

    @Option(names = "--role", required = true, description = "The role it acts with: ${COMPLETION-CANDIDATES}.")
    Role role;

    @Option(names = "--valid-for", description = "How long it is valid (ISO-8601, e.g. P30D); default: until revoked.")
    Duration validFor;

    @Option(names = "--by", defaultValue = "${sys:user.name}", description = "Who issues it (default: the system user).")
    String by;

    TokenCommand(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Integer call() {
        IssuedToken issued = tokens.issue(name, role, by, validFor == null ? null : Instant.now().plus(validFor));
        spec.commandLine().getOut().println(issued.plaintext());
        return 0;
    }
}
