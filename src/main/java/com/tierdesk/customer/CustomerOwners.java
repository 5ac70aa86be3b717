package com.tierdesk.customer;

import com.tierdesk.security.AccountKind;
import com.tierdesk.security.AuditLog;
import com.tierdesk.security.UserAccount;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.shared.NotFound;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' owners as accounts: a customer's owner (its dedicated account manager) is a person's username. Owners
 * written otherwise (a name typed in a form or an import) are listed, and an administrator maps each to an account.
 */
@Service
public class CustomerOwners {

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final BusinessTime time;

    CustomerOwners(JdbcClient jdbc, UserAccounts accounts, AuditLog audit, BusinessTime time) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.time = time;
    }

    /** The owners written on customers that are no person's username, in order, each with a suggestion if one fits. */
    @Transactional(readOnly = true)
    public List<UnmatchedOwner> unmatched() {
        List<UserAccount> people = accounts.list().stream().filter(account -> account.kind() == AccountKind.PERSON).toList();
        Map<String, UserAccount> byName = people.stream().collect(Collectors.toMap(UserAccount::username, Function.identity()));
        return jdbc.sql("SELECT owner, COUNT(*) AS customers FROM customer WHERE owner IS NOT NULL GROUP BY owner ORDER BY owner")
                .query((rs, row) -> new UnmatchedOwner(rs.getString("owner"), rs.getLong("customers"), null))
                .list().stream()
                .filter(owner -> !byName.containsKey(owner.owner()))
                .map(owner -> new UnmatchedOwner(owner.owner(), owner.customers(), suggestion(owner.owner(), people)))
                .toList();
    }

    /** The one person whose username, in any letter case, or display name is the text; as the migration links them. */
    private static String suggestion(String owner, List<UserAccount> people) {
        String text = owner.strip();
        List<String> matches = people.stream()
                .filter(person -> person.username().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))
                        || person.displayName().equals(text))
                .map(UserAccount::username).toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }

    /**
     * Makes the account the owner of every customer whose owner is written as {@code owner}; audited.
     *
     * @return how many customers it now owns in that owner's place
     * @throws NotFound when no customer has that owner; {@link InvalidInput} when the account is no enabled person
     */
    @Transactional
    public int map(String owner, String username, String by) {
        if (owner == null || owner.isBlank()) {
            throw InvalidInput.of("owner", "problem.required");
        }
        UserAccount account = username == null ? null : accounts.find(username).orElse(null);
        if (account == null || account.kind() != AccountKind.PERSON || !account.enabled()) {
            throw InvalidInput.of("account", "problem.owner.not-a-person", username == null ? "" : username);
        }
        int mapped = jdbc.sql("""
                UPDATE customer SET owner = :username, version = version + 1, updated_at = :now WHERE owner = :owner
                """)
                .param("username", account.username()).param("owner", owner)
                .param("now", JdbcTimestamps.toColumn(time.now())).update();
        if (mapped == 0) {
            throw new NotFound("owner", "problem.owner.unknown", owner);
        }
        audit.record(by, "CUSTOMER_OWNER_MAPPED", "owner:" + owner, "account=" + account.username() + ", customers=" + mapped);
        return mapped;
    }
}
