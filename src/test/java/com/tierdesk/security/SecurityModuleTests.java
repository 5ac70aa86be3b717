package com.tierdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.ModuleContexts;
import com.tierdesk.shared.InvalidInput;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * People, tokens and the audit log start on their own with the shared kernel: a token acts as its account, never
 * above the account's role, and what was done is audited.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class SecurityModuleTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuditLog audit;

    @Test
    void startsWithNoBeanOfAnotherModule() {
        assertThat(ModuleContexts.beansOfOtherModules(context, "security")).isEmpty();
    }

    @Test
    void aTokenActsAsItsAccountAndNeverAboveItsRole() {
        var testAccounts = new TestAccounts(accounts, tokens);
        UserAccount integration = testAccounts.service(Role.ACCOUNT_MANAGER);

        IssuedToken issued = testAccounts.token(integration, Role.AGENT);
        ActingToken acting = tokens.authenticate(issued.plaintext()).orElseThrow();

        assertThat(acting.account().username()).isEqualTo(integration.username());
        assertThat(acting.role()).isEqualTo(Role.AGENT);
        assertThatThrownBy(() -> testAccounts.token(integration, Role.SUPERVISOR)).isInstanceOf(InvalidInput.class);
        assertThat(audit.recent(50)).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("SERVICE_ACCOUNT_CREATED");
            assertThat(event.subject()).isEqualTo("account:" + integration.username());
        });
    }
}
