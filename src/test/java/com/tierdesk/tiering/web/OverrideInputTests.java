package com.tierdesk.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;
import com.tierdesk.tiering.TierOverride;
import com.tierdesk.tiering.TierOverrides;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Reasons and notes of overrides, through the API and the console: too long for their columns, or with control
 * characters, they are refused with the field (422 in the API, the problem listed on the console), never a 500, and
 * nothing is stored.
 */
class OverrideInputTests extends ConsoleTestSupport {

    static final String HUGE_NOTE = "备注".repeat(2_600_000);

    @Autowired
    TierOverrides overrides;

    @Test
    void theApiRefusesANoteLongerThanItsColumnWith422NamingTheNote() throws Exception {
        Customer customer = aBuyer("100.00");
        TierOverride requested = overrides.request(customer.code(), "VIP", "framework contract",
                activity.today().plusDays(30), "am.li");
        String body = "{\"note\": \"" + HUGE_NOTE + "\"}";

        for (String decision : new String[] {"approve", "reject"}) {
            mvc.perform(post("/api/v1/tiering/overrides/{id}/" + decision, requested.id()).with(as("wang", "SUPERVISOR"))
                            .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[*].field", contains("note")))
                    .andExpect(jsonPath("$.errors[0].reason").value("must be at most 1000 characters"));
        }
        assertThat(overrides.get(requested.id()).status()).isEqualTo(TierOverride.Status.REQUESTED);

        overrides.approve(requested.id(), "wang", null);
        mvc.perform(post("/api/v1/tiering/overrides/{id}/revoke", requested.id()).with(as("wang", "SUPERVISOR"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[*].field", contains("note")));
        assertThat(overrides.get(requested.id()).status()).isEqualTo(TierOverride.Status.ACTIVE);
    }

    @Test
    void theConsoleListsTheProblemOfAHugeNoteInsteadOfFailing() throws Exception {
        Customer customer = aBuyer("100.00");
        TierOverride requested = overrides.request(customer.code(), "KEY", "trial", activity.today().plusDays(10), "am.li");

        MvcResult refused = mvc.perform(post("/tiering/overrides/{id}/approve", requested.id())
                        .with(as("wang", "SUPERVISOR")).with(csrf()).param("status", "REQUESTED").param("note", HUGE_NOTE)
                        .param("lang", "en"))
                .andExpect(status().is3xxRedirection()).andReturn();

        assertThat(html(get("/tiering/overrides").flashAttrs(refused.getFlashMap()).with(as("wang", "SUPERVISOR"))))
                .contains("id=\"override-problems\"").contains("note: must be at most 1000 characters");
        assertThat(overrides.get(requested.id()).status()).isEqualTo(TierOverride.Status.REQUESTED);
    }

    @Test
    void theConsoleRefusesAReasonWithAControlCharacterAndStoresNothing() throws Exception {
        Customer customer = aBuyer("100.00");

        String refused = html(post("/tiering/customers/{code}/overrides", customer.code())
                .with(as("am.li", "ACCOUNT_MANAGER")).with(csrf()).header("HX-Request", "true").param("lang", "en")
                .param("tier", "VIP").param("reason", "strategic\u0007 partner")
                .param("expiresOn", activity.today().plusDays(30).toString()));

        assertThat(refused).contains("id=\"override-request-problems\"").contains("reason: must not contain control characters");
        assertThat(overrides.ofCustomer(customer.id())).isEmpty();
    }

    @Test
    void theOverridesPageShowsWhoEndedAnOverrideAndWhy() throws Exception {
        Customer customer = aBuyer("100.00");
        TierOverride override = overrides.request(customer.code(), "KEY", "trial", activity.today().plusDays(10), "am.li");
        overrides.approve(override.id(), "wang", "fine");
        overrides.revoke(override.id(), "zhou", "account moved");

        assertThat(html(get("/tiering/overrides").param("status", "REVOKED").with(as("agent", "AGENT"))))
                .contains("id=\"override-" + override.id() + "\"").contains("zhou · ").contains("· account moved")
                .contains("· fine");
    }
}
