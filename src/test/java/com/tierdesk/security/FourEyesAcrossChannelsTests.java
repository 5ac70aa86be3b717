package com.tierdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.tierdesk.EnglishAnswers;
import com.tierdesk.customer.Consent;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerDraft;
import com.tierdesk.customer.CustomerKind;
import com.tierdesk.customer.Customers;
import com.tierdesk.tiering.AssessmentRun;
import com.tierdesk.tiering.Assessments;
import com.tierdesk.tiering.RunId;
import com.tierdesk.tiering.RunStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Whatever mix of console session and API token one account uses, it never approves its own run or override:
 * a token acts under its account's name, so the approver and the starter compare equal.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EnglishAnswers.class)
class FourEyesAcrossChannelsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Assessments assessments;

    @Autowired
    Customers customers;

    @Autowired
    CustomerActivity activity;

    UserAccount admin;
    IssuedToken adminsToken;
    MockHttpSession adminsSession;
    MockHttpSession otherSupervisor;

    @BeforeEach
    void anAdministratorWithATokenItIssuedItselfAndASecondSupervisor() throws Exception {
        var testAccounts = new TestAccounts(accounts, tokens);
        admin = testAccounts.person(Role.ADMIN);
        adminsToken = tokens.issue(NewToken.api(admin.username(), "my script", Role.ADMIN, null), admin.username());
        adminsSession = signIn(admin);
        otherSupervisor = signIn(testAccounts.person(Role.SUPERVISOR));
    }

    @Test
    void aRunStartedWithAnAdministratorsOwnTokenIsNotApprovedInItsSession() throws Exception {
        String code = aCustomer();
        String started = send(post("/api/v1/tiering/runs"), token(adminsToken),
                "{\"asOf\": \"" + activity.today() + "\", \"segment\": {\"codes\": [\"" + code + "\"]}}")
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.startedBy").value(admin.username()))
                .andReturn().getResponse().getContentAsString();
        long run = JsonPath.<Number>read(started, "$.id").longValue();
        awaitScored(run);

        refusedAsOwn(send(post("/api/v1/tiering/runs/{id}/approve", run), session(adminsSession), "{}"));
        send(post("/api/v1/tiering/runs/{id}/approve", run), session(otherSupervisor), "{\"note\": \"checked\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void anOverrideRequestedInOneChannelIsNotApprovedInTheOtherByTheSameAccount() throws Exception {
        long byToken = requestOverride(aCustomer(), token(adminsToken));
        refusedAsOwn(send(post("/api/v1/tiering/overrides/{id}/approve", byToken), session(adminsSession), "{}"));

        long inSession = requestOverride(aCustomer(), session(adminsSession));
        refusedAsOwn(send(post("/api/v1/tiering/overrides/{id}/approve", inSession), token(adminsToken), "{}"));

        send(post("/api/v1/tiering/overrides/{id}/approve", inSession), session(otherSupervisor), "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    private long requestOverride(String code, RequestPostProcessor who) throws Exception {
        String body = "{\"tier\": \"VIP\", \"reason\": \"framework contract\", \"expiresOn\": \"" + activity.today().plusDays(30) + "\"}";
        String requested = send(post("/api/v1/customers/{code}/tier-overrides", code), who, body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.requestedBy").value(admin.username()))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.<Number>read(requested, "$.id").longValue();
    }

    private static void refusedAsOwn(ResultActions approval) throws Exception {
        approval.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[*].field", hasItem("approver")));
    }

    private MockHttpSession signIn(UserAccount account) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(account.username()).password(TestAccounts.PASSWORD))
                .andReturn().getRequest().getSession();
    }

    private static RequestPostProcessor session(MockHttpSession session) {
        return request -> {
            request.setSession(session);
            return csrf().asHeader().postProcessRequest(request);
        };
    }

    private static RequestPostProcessor token(IssuedToken token) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(token));
            return request;
        };
    }

    private ResultActions send(MockHttpServletRequestBuilder request, RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String aCustomer() {
        String code = "EYES-" + UUID.randomUUID().toString().substring(0, 12);
        customers.create(new CustomerDraft(code, "四眼原则 " + code, CustomerKind.COMPANY, "retail", null, null, null, null,
                null, LocalDate.of(2024, 1, 1), null, null, Consent.NONE, List.of()));
        return code;
    }

    private void awaitScored(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            AssessmentRun run = assessments.get(RunId.of(id));
            if (run.status() != RunStatus.QUEUED && run.status() != RunStatus.RUNNING) {
                assertThat(run.status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + id + " was not scored within 30 s");
    }
}
