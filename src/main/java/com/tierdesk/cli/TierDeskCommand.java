package com.tierdesk.cli;

import picocli.CommandLine.Command;

/** The root {@code tierdesk} command; every Spring bean annotated with {@link Command} is one of its subcommands. */
@Command(name = "tierdesk", mixinStandardHelpOptions = true, version = "TierDesk 0.1",
        description = "Batch work for TierDesk: imports, demo data and assessments.")
class TierDeskCommand {
}
