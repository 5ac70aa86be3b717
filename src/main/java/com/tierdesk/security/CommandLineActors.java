package com.tierdesk.security;

import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.TextRules;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a batch command acts as. The command line has no sign-in: whoever runs it on the server names an account
 * ({@code --by}), which must exist, be enabled and have the role the same work needs in the console and the API.
 * Every admitted command is audited under that account, so a run started from the command line is the account's
 * run like one started in its session or with its token.
 */
@Service
public class CommandLineActors {

    private final UserAccounts accounts;
    private final AuditLog audit;

    CommandLineActors(UserAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * Admits {@code command} acting as the named account and audits it (action {@code COMMAND_LINE}).
     *
     * @param systemUser the operating-system user who ran the command, kept in the audit entry
     * @throws InvalidInput on field {@code by} when the account is unknown, disabled or lacks the role; nothing is
     *                      written then
     */
    @Transactional
    public UserAccount admit(String name, Role needed, String command, List<String> arguments, String systemUser) {
        TextRules.requiredLine(name, 64).ifPresent(reason -> {
            throw InvalidInput.of("by", reason);
        });
        UserAccount account = accounts.find(name)
                .orElseThrow(() -> InvalidInput.of("by", "problem.account.unknown", name));
        if (!account.enabled()) {
            throw InvalidInput.of("by", "problem.account.disabled", name);
        }
        if (!account.role().includes(needed)) {
            throw InvalidInput.of("by", "problem.account.role-short", name, account.role(), command, needed);
        }
        audit.record(account.username(), "COMMAND_LINE", command,
                "system user " + systemUser + ": " + String.join(" ", arguments));
        return account;
    }
}
