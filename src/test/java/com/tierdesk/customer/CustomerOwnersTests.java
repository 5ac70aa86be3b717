package com.tierdesk.customer;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.AuditTrail;
import com.tierdesk.EnglishAnswers;
import com.tierdesk.security.AuditEvent;
import com.tierdesk.security.ContactChange;
import com.tierdesk.security.Role;
import com.tierdesk.security.Staffing;
import com.tierdesk.security.UserAccount;
import com.tierdesk.security.UserAccounts;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Owners written as names are listed with a suggested account, and an administrator maps them to accounts. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EnglishAnswers.class)
class CustomerOwnersTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOwners owners;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor admin = user("owners-admin").roles("ADMIN");
    String suffix;
    UserAccount manager;

    @BeforeEach
    void aManager() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        manager = accounts.createPerson("am-" + suffix, "客户经理 " + suffix, Role.ACCOUNT_MANAGER, Staffing.none(),
                ContactChange.NONE, "tester").account();
    }

    private UnmatchedOwner unmatched(String owner) {
        return owners.unmatched().stream().filter(row -> row.owner().equals(owner)).findFirst().orElse(null);
    }

    @Test
    void listsOwnersThatAreNoAccountWithTheAccountTheirNameMatches() {
        customers.create(aCustomer().owner(manager.username()).build());
        customers.create(aCustomer().owner(manager.displayName()).build());
        customers.create(aCustomer().owner(manager.displayName()).build());
        customers.create(aCustomer().owner("无人 " + suffix).build());

        assertThat(unmatched(manager.username())).isNull();
        assertThat(unmatched(manager.displayName())).isEqualTo(new UnmatchedOwner(manager.displayName(), 2, manager.username()));
        assertThat(unmatched("无人 " + suffix)).isEqualTo(new UnmatchedOwner("无人 " + suffix, 1, null));
    }

    @Test
    void mappingAnOwnerGivesTheAccountAllItsCustomersAndIsAudited() throws Exception {
        Customer first = customers.create(aCustomer().owner("老王 " + suffix).build());
        customers.create(aCustomer().owner("老王 " + suffix).build());

        mvc.perform(post("/api/v1/customer-owners/mappings").with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"owner\": \"老王 " + suffix + "\", \"account\": \"" + manager.username() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customers").value(2));

        assertThat(customers.find(first.code()).orElseThrow().owner()).isEqualTo(manager.username());
        assertThat(unmatched("老王 " + suffix)).isNull();
        assertThat(AuditTrail.about(jdbc, "owner:老王 " + suffix)).extracting(AuditEvent::action)
                .contains("CUSTOMER_OWNER_MAPPED");
    }

    @Test
    void refusesAnUnknownOwnerAndAnAccountThatIsNoEnabledPerson() throws Exception {
        customers.create(aCustomer().owner("小李 " + suffix).build());
        UserAccount service = accounts.createServiceAccount("svc-" + suffix, "集成", Role.AGENT, "tester");

        mvc.perform(post("/api/v1/customer-owners/mappings").with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"owner\": \"nobody " + suffix + "\", \"account\": \"" + manager.username() + "\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("owner"));
        mvc.perform(post("/api/v1/customer-owners/mappings").with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"owner\": \"小李 " + suffix + "\", \"account\": \"" + service.username() + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("account"));
        mvc.perform(post("/api/v1/customer-owners/mappings").with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"account\": \"" + manager.username() + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("owner"));
        assertThat(unmatched("小李 " + suffix).customers()).isEqualTo(1);
    }

    @Test
    void theApiListsUnmatchedOwnersForAdministratorsOnly() throws Exception {
        customers.create(aCustomer().owner("小赵 " + suffix).build());

        mvc.perform(get("/api/v1/customer-owners/unmatched").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("小赵 " + suffix)));
        RequestPostProcessor supervisor = user("owners-sv").roles("SUPERVISOR");
        mvc.perform(get("/api/v1/customer-owners/unmatched").with(supervisor)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/customer-owners/mappings").with(supervisor).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"owner\": \"小赵 " + suffix + "\", \"account\": \"" + manager.username() + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/customer-owners").with(supervisor)).andExpect(status().isForbidden());
    }

    @Test
    void theConsolePageSuggestsTheMatchingAccountAndMapsTheOwner() throws Exception {
        customers.create(aCustomer().owner(manager.displayName()).build());

        mvc.perform(get("/admin/customer-owners").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(matchesPattern("(?s).*value=\"" + manager.username() + "\"\\s+data-user selected=\"selected\".*")));
        mvc.perform(post("/admin/customer-owners").with(admin).with(csrf())
                        .param("owner", manager.displayName()).param("account", manager.username()))
                .andExpect(redirectedUrl("/admin/customer-owners"));

        assertThat(unmatched(manager.displayName())).isNull();
    }
}
