package com.tierdesk.security.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.security.AccountProfile;
import com.tierdesk.security.Contact;
import com.tierdesk.security.ContactChange;
import com.tierdesk.security.People;
import com.tierdesk.security.Role;
import com.tierdesk.security.Staffing;
import com.tierdesk.security.UserAccounts;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The administrators' account pages create people, change them, disable them and reset their passwords. */
@SpringBootTest
@AutoConfigureMockMvc
class AccountConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    People people;

    RequestPostProcessor admin;
    String name;

    @BeforeEach
    void anAdministrator() {
        admin = user("admin-" + UUID.randomUUID().toString().substring(0, 8)).roles("ADMIN");
        name = "zhao-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private AccountProfile profile() {
        return people.profile(name).orElseThrow();
    }

    @Test
    void createsAPersonAndShowsTheOneTimePasswordInTheAnswerOnly() throws Exception {
        mvc.perform(post("/admin/accounts").with(admin).with(csrf()).param("lang", "en")
                        .param("name", name).param("displayName", "赵敏").param("role", "ACCOUNT_MANAGER")
                        .param("teams", "VIP 组，华北").param("ticketTypes", "COMPLAINT", "INQUIRY")
                        .param("languages", "zh", "en").param("dailyCap", "25")
                        .param("email", name + "@example.com").param("language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"one-time-password\"")))
                .andExpect(content().string(containsString("Account " + name + " created.")));

        AccountProfile created = profile();
        assertThat(created.account().role()).isEqualTo(Role.ACCOUNT_MANAGER);
        assertThat(created.staffing().teams()).containsExactly("VIP 组", "华北");
        assertThat(created.staffing().skills().ticketTypes()).containsExactly("COMPLAINT", "INQUIRY");
        assertThat(created.staffing().skills().languages()).containsExactly("en", "zh");
        assertThat(created.dailyCap()).isEqualTo(25);
        assertThat(created.contact()).isEqualTo(new Contact(name + "@example.com", Locale.ENGLISH));
        assertThat(created.passwordChangeRequired()).as("the one-time password is for the first sign-in only").isTrue();
        mvc.perform(get("/admin/accounts/" + name).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"one-time-password\""))))
                .andExpect(content().string(containsString("id=\"password-change-required\"")));
    }

    @Test
    void changesTheEmailAddressAndTheLanguageAndRefusesABadAddressWithItsReason() throws Exception {
        accounts.createPerson(name, "赵敏", Role.AGENT, Staffing.none(), ContactChange.NONE, "tester");

        mvc.perform(post("/admin/accounts/" + name).with(admin).with(csrf()).param("lang", "en")
                        .param("role", "AGENT").param("email", "zhao@").param("language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Email: ")));
        assertThat(profile().contact()).as("nothing written").isEqualTo(Contact.NONE);
        mvc.perform(post("/admin/accounts/" + name).with(admin).with(csrf())
                        .param("role", "AGENT").param("email", "Zhao.Min@example.com").param("language", "en"))
                .andExpect(redirectedUrl("/admin/accounts/" + name));
        assertThat(profile().contact()).isEqualTo(new Contact("Zhao.Min@example.com", Locale.ENGLISH));
    }

    @Test
    void aRefusedFormComesBackWithItsReasonsAndValues() throws Exception {
        mvc.perform(post("/admin/accounts").with(admin).with(csrf()).param("lang", "en")
                        .param("name", name).param("displayName", "赵敏").param("role", "AGENT").param("dailyCap", "lots"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Daily cap: &#39;lots&#39; is not a number")))
                .andExpect(content().string(containsString("value=\"" + name + "\"")));
        assertThat(accounts.find(name)).isEmpty();
    }

    @Test
    void changesAPersonAndABlankCapMeansTheDefault() throws Exception {
        accounts.createPerson(name, "赵敏", Role.AGENT, new Staffing(null, null, 10), ContactChange.NONE, "tester");

        mvc.perform(post("/admin/accounts/" + name).with(admin).with(csrf())
                        .param("role", "SENIOR_AGENT").param("teams", "二线").param("ticketTypes", "TECHNICAL_ISSUE")
                        .param("languages", "zh").param("dailyCap", ""))
                .andExpect(redirectedUrl("/admin/accounts/" + name));

        AccountProfile changed = profile();
        assertThat(changed.account().role()).isEqualTo(Role.SENIOR_AGENT);
        assertThat(changed.staffing().teams()).containsExactly("二线");
        assertThat(changed.ownCap()).isFalse();
        assertThat(changed.dailyCap()).isEqualTo(people.defaultDailyCap());
    }

    @Test
    void disablesEnablesAndResetsThePassword() throws Exception {
        accounts.createPerson(name, "赵敏", Role.AGENT, Staffing.none(), ContactChange.NONE, "tester");

        mvc.perform(post("/admin/accounts/" + name + "/disable").with(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts/" + name));
        assertThat(profile().account().enabled()).isFalse();
        mvc.perform(post("/admin/accounts/" + name + "/enable").with(admin).with(csrf()));
        assertThat(profile().account().enabled()).isTrue();
        mvc.perform(post("/admin/accounts/" + name + "/password-reset").with(admin).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"one-time-password\"")));
    }

    @Test
    void onlyAdministratorsSeeOrUseThePages() throws Exception {
        RequestPostProcessor supervisor = user("sv-" + name).roles("SUPERVISOR");
        mvc.perform(get("/admin/accounts").with(supervisor)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts").with(supervisor).with(csrf()).param("name", name)).andExpect(status().isForbidden());
        mvc.perform(get("/").with(supervisor)).andExpect(content().string(not(containsString("href=\"/admin/accounts\""))));
        mvc.perform(get("/").with(admin)).andExpect(content().string(containsString("href=\"/admin/accounts\"")));
    }
}
