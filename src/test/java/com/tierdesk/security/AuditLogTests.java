package com.tierdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class AuditLogTests {

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserAccounts accounts;

    @Autowired
    AuditLog audit;

    @Test
    void issuingAndRevokingATokenAreAuditedWithoutTheSecret() {
        String actor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
        UserAccount account = new TestAccounts(accounts, tokens).service(Role.AGENT);
        IssuedToken issued = tokens.issue(NewToken.api(account.username(), "audited", Role.AGENT, null), actor);
        tokens.revoke(issued.token().id(), actor);
        tokens.revoke(issued.token().id(), actor);

        var mine = audit.recent(50).stream().filter(event -> event.actor().equals(actor)).toList();

        assertThat(mine).extracting(AuditEvent::action).containsExactly("API_TOKEN_REVOKED", "API_TOKEN_ISSUED");
        assertThat(mine).extracting(AuditEvent::subject).containsOnly("api-token:" + issued.token().prefix());
        assertThat(mine).allSatisfy(event -> assertThat(event.detail()).doesNotContain(issued.plaintext().substring(17)));
    }
}
