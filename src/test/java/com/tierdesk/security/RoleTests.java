package com.tierdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTests {

    @Test
    void aRoleIncludesItselfAndTheRolesBelowItInTheHierarchy() {
        assertThat(Role.ADMIN.includes(Role.QA)).isTrue();
        assertThat(Role.SUPERVISOR.includes(Role.AGENT)).isTrue();
        assertThat(Role.ACCOUNT_MANAGER.includes(Role.ACCOUNT_MANAGER)).isTrue();
        assertThat(Role.ACCOUNT_MANAGER.includes(Role.SENIOR_AGENT)).isFalse();
        assertThat(Role.QA.includes(Role.AGENT)).isFalse();
        assertThat(Role.SUPERVISOR.includes(Role.ADMIN)).isFalse();
    }

    @Test
    void aRoleCappedAtAnotherIsTheHighestRoleBothInclude() {
        assertThat(Role.SUPERVISOR.cappedAt(Role.ADMIN)).contains(Role.SUPERVISOR);
        assertThat(Role.ADMIN.cappedAt(Role.SUPERVISOR)).contains(Role.SUPERVISOR);
        assertThat(Role.SUPERVISOR.cappedAt(Role.SENIOR_AGENT)).contains(Role.SENIOR_AGENT);
        assertThat(Role.SENIOR_AGENT.cappedAt(Role.ACCOUNT_MANAGER)).contains(Role.AGENT);
        assertThat(Role.QA.cappedAt(Role.ACCOUNT_MANAGER)).isEmpty();
        assertThat(Role.AGENT.cappedAt(Role.QA)).isEmpty();
    }

    @Test
    void cappingNeverGivesMoreThanEitherRole() {
        for (Role token : Role.values()) {
            for (Role account : Role.values()) {
                token.cappedAt(account).ifPresent(capped -> assertThat(token.includes(capped) && account.includes(capped))
                        .as("%s capped at %s", token, account).isTrue());
                assertThat(token.cappedAt(account).isPresent()).as("%s capped at %s", token, account)
                        .isEqualTo(account.includes(token) || token.includes(account)
                                || (token.includes(Role.AGENT) && account.includes(Role.AGENT)));
            }
        }
    }
}
