package com.tierdesk.cli;

import picocli.CommandLine.Command;

/**
 * The root {@code tierdesk} command; every Spring bean annotated with {@link Command} is one of its subcommands. Their
 * usage help comes from {@link #HELP}: Chinese when the system locale is Chinese, English otherwise, as {@link CliText}.
 */
@Command(name = "tierdesk", mixinStandardHelpOptions = true, resourceBundle = TierDeskCommand.HELP, version = "TierDesk 0.1")
class TierDeskCommand {

    /** The usage help's bundle: English in the base file, Chinese in {@code _zh}, so any Chinese locale reads Chinese. */
    static final String HELP = "com.tierdesk.cli.CommandHelp";
}
