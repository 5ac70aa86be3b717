package com.tierdesk.cli;

import com.tierdesk.security.CommandLineActors;
import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccount;
import com.tierdesk.shared.InvalidInput;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --by} option of the commands that act as someone: it names the account the work is done and recorded
 * as, which must exist, be enabled and have the role the same work needs in the console and the API. The default,
 * the system user's name, suits servers whose accounts are named after their system users.
 */
class ActingAccount {

    /** Exit code when {@code --by} names no account allowed to do the work; nothing was done. */
    static final int REFUSED = 3;

    @Option(names = "--by", defaultValue = "${sys:user.name}")
    String name;

    /** The account, admitted and audited as running this command, or empty after saying why not. */
    Optional<UserAccount> admit(CommandLineActors actors, Role needed, CommandSpec spec, CliText text) {
        try {
            return Optional.of(actors.admit(name, needed, "tierdesk " + spec.name(),
                    spec.commandLine().getParseResult().originalArgs(), System.getProperty("user.name")));
        } catch (InvalidInput e) {
            e.problems().forEach(problem -> spec.commandLine().getErr().println("--by: " + text.reason(problem.reason())));
            return Optional.empty();
        }
    }
}
