package com.tierdesk;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.Customers;
import com.tierdesk.security.ConsoleAccess;
import com.tierdesk.security.ContactChange;
import com.tierdesk.security.Role;
import com.tierdesk.security.Staffing;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.sla.BusinessCalendar;
import com.tierdesk.sla.SlaCalendars;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.TicketType;
import com.tierdesk.task.TaskDraft;
import com.tierdesk.task.TaskKind;
import com.tierdesk.task.Tasks;
import com.tierdesk.ticket.IntakeChannel;
import com.tierdesk.ticket.TicketDraft;
import com.tierdesk.ticket.Tickets;
import com.tierdesk.tiering.AssessmentRequest;
import com.tierdesk.tiering.AssessmentRun;
import com.tierdesk.tiering.Assessments;
import com.tierdesk.tiering.ScoringModels;
import com.tierdesk.tiering.Segment;
import com.tierdesk.tiering.TierOverride;
import com.tierdesk.tiering.TierOverrides;
import com.tierdesk.tiering.TriggerKind;
import com.tierdesk.tiering.internal.RunApprovals;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The console offers each role exactly what the filter chain lets it do: on every page, for every role, each form that
 * is shown posts to a URL the role may call, each link leads to a page the role may open, and a form shown to an
 * administrator (who may do everything) is hidden from a role only when that role would be refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConsoleOffersTests {

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>");
    private static final Pattern HX_POST = Pattern.compile("\\bhx-post=\"([^\"]+)\"");
    private static final Pattern LINK = Pattern.compile("<a\\b[^>]*\\bhref=\"(/[^\"#?]*)");

    @Autowired
    MockMvc mvc;

    @Autowired
    ConsoleAccess access;

    @Autowired
    Customers customers;

    @Autowired
    Tasks tasks;

    @Autowired
    ScoringModels models;

    @Autowired
    BusinessTime time;

    @Autowired
    Assessments assessments;

    @Autowired
    RunApprovals approvals;

    @Autowired
    TierOverrides overrides;

    @Autowired
    SlaCalendars calendars;

    @Autowired
    Tickets tickets;

    @Autowired
    UserAccounts accounts;

    /** One person, signed in with each role in turn, so that every page shows the same records. */
    String person;
    List<String> pages;

    @BeforeEach
    void records() {
        person = "offers-" + UUID.randomUUID().toString().substring(0, 8);
        Customer customer = customers.create(aCustomer().owner(person).build());
        tasks.create(new TaskDraft(TaskKind.CHURN_WARNING, customer.id(), "回访 " + person, null, person,
                time.today().plusDays(3), "offers:" + person));
        String awaiting = "/tiering/runs/" + assessedBy("starter-" + person, customer).id();
        AssessmentRun approved = assessedBy("starter-" + person, customer);
        approvals.approve(approved.id().value(), "approver-" + person, null);
        TierOverride requested = overrides.request(customer.code(), "VIP", "framework contract", time.today().plusDays(30),
                "am-" + person);
        Customer overridden = customers.create(aCustomer().owner(person).build());
        TierOverride active = overrides.approve(overrides.request(overridden.code(), "VIP", "framework contract",
                time.today().plusDays(30), "am-" + person).id(), "supervisor-" + person, null);
        String calendar = calendars.list().stream().filter(c -> !c.alwaysOpen()).map(BusinessCalendar::code)
                .findFirst().orElseThrow();
        long ticket = tickets.create(new TicketDraft(IntakeChannel.PHONE, customer.code(), null, "发票问题",
                TicketType.INQUIRY, Priority.NORMAL, "来电询问发票", null, null, person), null, person).ticket().ticket()
                .id().value();
        pages = List.of("/", "/customers", "/customers/" + customer.code(), "/tiering/customers/" + customer.code() + "/panel",
                "/imports", "/tasks", "/tiering", "/tiering/models", "/tiering/models/" + models.active().modelId(),
                "/tiering/industry-growth",
                awaiting, awaiting + "?confirm=approve", awaiting + "?confirm=reject", "/tiering/runs/" + approved.id(),
                "/tiering/overrides", "/tiering/overrides?confirm=" + requested.id() + "&decision=approve",
                "/tiering/overrides?confirm=" + requested.id() + "&decision=reject",
                "/tiering/overrides?status=ACTIVE&confirm=" + active.id() + "&decision=revoke",
                "/sla/policies", "/sla/calendars", "/sla/calendars/" + calendar, "/sla/calculator", "/sla/clocks",
                "/customer-labels", "/tickets", "/tickets/" + ticket, "/tickets/customers/" + customer.code(),
                "/admin/customer-owners", "/admin/accounts", "/admin/accounts/" + accounts.createPerson(person, "Offers " + person,
                        Role.AGENT, Staffing.none(), ContactChange.NONE, "offers").account().username(),
                "/notifications", "/password");
    }

    /** A run over the customer that someone else started, scored and waiting for approval. */
    private AssessmentRun assessedBy(String starter, Customer customer) {
        return assessments.run(new AssessmentRequest(time.today(), null, null, Segment.ofCodes(List.of(customer.code()))),
                TriggerKind.MANUAL, null, starter);
    }

    @Test
    void everyFormAndLinkShownLeadsWhereTheRoleMayGo() throws Exception {
        for (Role role : Role.values()) {
            for (String page : pages) {
                String html = page(role, page);
                assertThat(writes(html)).as("%s on %s: forms shown", role, page)
                        .allMatch(path -> access.may(role, HttpMethod.POST, path));
                assertThat(links(html)).as("%s on %s: links shown", role, page)
                        .allMatch(path -> access.may(role, HttpMethod.GET, path));
            }
        }
    }

    @Test
    void aFormIsHiddenOnlyFromRolesThatWouldBeRefused() throws Exception {
        for (String page : pages) {
            Set<String> everything = writes(page(Role.ADMIN, page));
            for (Role role : Role.values()) {
                Set<String> allowed = everything.stream().filter(path -> access.may(role, HttpMethod.POST, path))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertThat(writes(page(role, page))).as("%s on %s", role, page).isEqualTo(allowed);
            }
        }
    }

    @Test
    void supervisorsAreOfferedTheDecisionsOnRunsAndOverridesAndTheSlaEditorsOthersNone() throws Exception {
        Set<String> supervisor = new TreeSet<>();
        Set<String> agent = new TreeSet<>();
        for (String page : pages) {
            supervisor.addAll(writes(page(Role.SUPERVISOR, page)));
            agent.addAll(writes(page(Role.AGENT, page)));
        }
        assertThat(supervisor).as("the pages put every decision and editor in front of a supervisor")
                .anyMatch(path -> path.matches("/tiering/runs/\\d+/approve"))
                .anyMatch(path -> path.matches("/tiering/runs/\\d+/reject"))
                .anyMatch(path -> path.matches("/tiering/runs/\\d+/publish"))
                .anyMatch(path -> path.matches("/tiering/overrides/\\d+/approve"))
                .anyMatch(path -> path.matches("/tiering/overrides/\\d+/reject"))
                .anyMatch(path -> path.matches("/tiering/overrides/\\d+/revoke"))
                .contains("/sla/policies", "/sla/calendars");
        assertThat(agent).noneMatch(path -> path.startsWith("/tiering/runs/") || path.startsWith("/tiering/overrides/")
                || path.startsWith("/sla/"));
    }

    @Test
    void theImportIsOfferedToSupervisorsAndAdministratorsOnly() throws Exception {
        assertThat(page(Role.SENIOR_AGENT, "/")).doesNotContain("href=\"/imports\"");
        assertThat(page(Role.SENIOR_AGENT, "/imports")).contains("id=\"import-not-allowed\"")
                .doesNotContain("action=\"/imports\"");
        assertThat(page(Role.SUPERVISOR, "/")).contains("href=\"/imports\"");
        assertThat(page(Role.SUPERVISOR, "/imports")).contains("action=\"/imports\"")
                .doesNotContain("id=\"import-not-allowed\"");
    }

    /** The page as the role sees it; a page the role may not open is refused, and offers it nothing. */
    private String page(Role role, String path) throws Exception {
        if (!access.may(role, HttpMethod.GET, path.replaceAll("\\?.*", ""))) {
            mvc.perform(get(path).with(user(person).roles(role.name()))).andExpect(status().isForbidden());
            return "";
        }
        return mvc.perform(get(path).with(user(person).roles(role.name()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Where the page's forms post to (forms that only read, with GET, and signing out, left aside). */
    private static Set<String> writes(String html) {
        Set<String> writes = new TreeSet<>();
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            String tag = form.group();
            if (tag.contains("method=\"post\"") && !tag.contains("action=\"/logout\"")) {
                writes.add(attribute(tag, "action"));
            }
        }
        Matcher hx = HX_POST.matcher(html);
        while (hx.find()) {
            writes.add(hx.group(1));
        }
        return writes;
    }

    private static Set<String> links(String html) {
        Set<String> links = new TreeSet<>();
        Matcher link = LINK.matcher(html);
        while (link.find()) {
            links.add(link.group(1));
        }
        return links;
    }

    private static String attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
        assertThat(value.find()).as("%s in %s", name, tag).isTrue();
        return value.group(1);
    }
}
