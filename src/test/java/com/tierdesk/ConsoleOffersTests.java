package com.tierdesk;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.Customers;
import com.tierdesk.security.ConsoleAccess;
import com.tierdesk.security.Role;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.task.TaskDraft;
import com.tierdesk.task.TaskKind;
import com.tierdesk.task.Tasks;
import com.tierdesk.tiering.ScoringModels;
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

    /** One person, signed in with each role in turn, so that every page shows the same records. */
    String person;
    List<String> pages;

    @BeforeEach
    void records() {
        person = "offers-" + UUID.randomUUID().toString().substring(0, 8);
        Customer customer = customers.create(aCustomer().owner(person).build());
        tasks.create(new TaskDraft(TaskKind.CHURN_WARNING, customer.id(), "回访 " + person, null, person,
                time.today().plusDays(3), "offers:" + person));
        pages = List.of("/", "/customers", "/customers/" + customer.code(), "/tiering/customers/" + customer.code() + "/panel",
                "/imports", "/tasks", "/tiering", "/tiering/models", "/tiering/models/" + models.active().modelId(),
                "/tiering/industry-growth", "/customer-labels");
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
    void theImportIsOfferedToSupervisorsAndAdministratorsOnly() throws Exception {
        assertThat(page(Role.SENIOR_AGENT, "/")).doesNotContain("href=\"/imports\"");
        assertThat(page(Role.SENIOR_AGENT, "/imports")).contains("id=\"import-not-allowed\"")
                .doesNotContain("action=\"/imports\"");
        assertThat(page(Role.SUPERVISOR, "/")).contains("href=\"/imports\"");
        assertThat(page(Role.SUPERVISOR, "/imports")).contains("action=\"/imports\"")
                .doesNotContain("id=\"import-not-allowed\"");
    }

    private String page(Role role, String path) throws Exception {
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
