package com.tierdesk.security;

import static com.tierdesk.security.TestAccounts.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Presence is real state: signing in makes a person available, they switch to away and back from the console or the
 * API, and the end of their session signs them out; assignment finds the available people with a skill.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PresenceTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    People people;

    @Autowired
    ApplicationEventPublisher events;

    TestAccounts testAccounts;
    UserAccount agent;

    @BeforeEach
    void anAgent() {
        testAccounts = new TestAccounts(accounts, tokens);
        agent = testAccounts.person(Role.AGENT);
    }

    private Presence presenceOf(UserAccount account) {
        return people.profile(account.username()).orElseThrow().presence();
    }

    @Test
    void signingInMakesAPersonAvailableAndSigningOutSignsThemOut() throws Exception {
        assertThat(presenceOf(agent)).isEqualTo(Presence.SIGNED_OUT);

        mvc.perform(formLogin().user(agent.username()).password(TestAccounts.PASSWORD));
        assertThat(presenceOf(agent)).isEqualTo(Presence.AVAILABLE);

        mvc.perform(post("/logout").with(user(agent.username()).roles("AGENT")).with(csrf()));
        assertThat(presenceOf(agent)).isEqualTo(Presence.SIGNED_OUT);
    }

    @Test
    void anExpiredSessionSignsItsPersonOut() {
        people.changePresence(agent.username(), Presence.AWAY);
        var session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(agent.username(), null, Set.of())));

        events.publishEvent(new HttpSessionDestroyedEvent(session));

        assertThat(presenceOf(agent)).isEqualTo(Presence.SIGNED_OUT);
    }

    @Test
    void aPersonSetsAwayAndBackThroughTheApiAndTheConsole() throws Exception {
        mvc.perform(put("/api/v1/me/presence").header(HttpHeaders.AUTHORIZATION, bearer(testAccounts.token(agent, Role.AGENT)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"presence\": \"AWAY\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.presence").value("AWAY"));
        assertThat(presenceOf(agent)).isEqualTo(Presence.AWAY);

        mvc.perform(post("/presence").with(user(agent.username()).roles("AGENT")).with(csrf()).param("presence", "AVAILABLE")
                        .param("back", "/customers"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/customers"));
        assertThat(presenceOf(agent)).isEqualTo(Presence.AVAILABLE);
    }

    @Test
    void aMissingPresenceIsRefusedAndAServiceAccountHasNone() throws Exception {
        mvc.perform(put("/api/v1/me/presence").header(HttpHeaders.AUTHORIZATION, bearer(testAccounts.token(agent, Role.AGENT)))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("presence"));
        UserAccount service = testAccounts.service(Role.AGENT);
        mvc.perform(put("/api/v1/me/presence").header(HttpHeaders.AUTHORIZATION, bearer(testAccounts.token(service, Role.AGENT)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"presence\": \"AVAILABLE\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void assignmentFindsAvailablePeopleWithTheSkillAndTheirCaps() {
        UserAccount capped = testAccounts.person(Role.AGENT);
        UserAccount away = testAccounts.person(Role.AGENT);
        UserAccount english = testAccounts.person(Role.AGENT);
        people.change(agent.username(), null, null, new StaffingChange(null, Set.of("RETURN_EXCHANGE"), Set.of("zh"), null, false), ContactChange.NONE, "tester");
        people.change(capped.username(), null, null, new StaffingChange(null, Set.of("RETURN_EXCHANGE"), Set.of("zh"), 7, false), ContactChange.NONE, "tester");
        people.change(away.username(), null, null, new StaffingChange(null, Set.of("RETURN_EXCHANGE"), Set.of("zh"), null, false), ContactChange.NONE, "tester");
        people.change(english.username(), null, null, new StaffingChange(null, Set.of("RETURN_EXCHANGE"), Set.of("en"), null, false), ContactChange.NONE, "tester");
        people.signedIn(agent.username());
        people.signedIn(capped.username());
        people.signedIn(english.username());
        people.changePresence(away.username(), Presence.AWAY);

        var chineseSpeakers = people.availableWith("RETURN_EXCHANGE", "zh");

        assertThat(chineseSpeakers).extracting(StaffMember::username).contains(agent.username(), capped.username())
                .doesNotContain(away.username(), english.username());
        assertThat(chineseSpeakers).filteredOn(member -> member.username().equals(capped.username()))
                .extracting(StaffMember::dailyCap).containsExactly(7);
        assertThat(chineseSpeakers).filteredOn(member -> member.username().equals(agent.username()))
                .extracting(StaffMember::dailyCap).containsExactly(50);
        assertThat(people.availableWith("RETURN_EXCHANGE", null)).extracting(StaffMember::username).contains(english.username());
        assertThat(people.agentsOnline()).isTrue();
    }

    @Test
    void seniorSupportAndSupervisorsAreTheEnabledPeopleWithThoseRoles() {
        UserAccount senior = testAccounts.person(Role.SENIOR_AGENT);
        UserAccount supervisor = testAccounts.person(Role.SUPERVISOR);
        UserAccount disabled = testAccounts.person(Role.SUPERVISOR);
        accounts.change(disabled.username(), null, false, "tester");

        assertThat(people.seniorSupport()).extracting(StaffMember::username).contains(senior.username())
                .doesNotContain(agent.username(), supervisor.username());
        assertThat(people.supervisors()).extracting(StaffMember::username).contains(supervisor.username())
                .doesNotContain(disabled.username(), senior.username());
    }
}
