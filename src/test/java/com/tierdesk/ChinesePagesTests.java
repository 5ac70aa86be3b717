package com.tierdesk;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.OrderDraft;
import com.tierdesk.customer.OrderLineDraft;
import com.tierdesk.knowledge.Article;
import com.tierdesk.knowledge.ArticleDraft;
import com.tierdesk.knowledge.Articles;
import com.tierdesk.knowledge.ReplyTemplate;
import com.tierdesk.knowledge.ReplyTemplates;
import com.tierdesk.knowledge.TemplateDraft;
import com.tierdesk.mail.InboundMail;
import com.tierdesk.notification.NotificationDraft;
import com.tierdesk.notification.Notifications;
import com.tierdesk.security.ContactChange;
import com.tierdesk.security.Role;
import com.tierdesk.security.Skills;
import com.tierdesk.security.Staffing;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaCalendars;
import com.tierdesk.sla.SlaPolicies;
import com.tierdesk.sla.TicketType;
import com.tierdesk.task.TaskDraft;
import com.tierdesk.task.TaskKind;
import com.tierdesk.task.Tasks;
import com.tierdesk.ticket.IntakeChannel;
import com.tierdesk.ticket.MessageDraft;
import com.tierdesk.ticket.MessageKind;
import com.tierdesk.ticket.Requester;
import com.tierdesk.ticket.ReturnDraft;
import com.tierdesk.ticket.ReturnKind;
import com.tierdesk.ticket.Returns;
import com.tierdesk.ticket.TicketDraft;
import com.tierdesk.ticket.TicketId;
import com.tierdesk.ticket.TicketViewDraft;
import com.tierdesk.ticket.TicketViews;
import com.tierdesk.ticket.Tickets;
import com.tierdesk.tiering.AssessmentRequest;
import com.tierdesk.tiering.AssessmentRun;
import com.tierdesk.tiering.Assessments;
import com.tierdesk.tiering.ModelVersion;
import com.tierdesk.tiering.ScoringModels;
import com.tierdesk.tiering.Segment;
import com.tierdesk.tiering.TierOverrides;
import com.tierdesk.tiering.TriggerKind;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every console page reads in Chinese for a Chinese reader: each GET route of the handler mappings, filled with
 * Chinese records, is rendered in zh-CN and its visible text (and the texts of placeholders, titles and buttons) may
 * hold no English word but proper names, codes and units from {@link #ALLOWED}. What users typed is marked
 * {@code data-user} in the templates and skipped, as are code samples, text fields, codes, numbers, dates and
 * addresses. The pages read a database of their own (a PostgreSQL schema, or an H2 database), so that what other
 * tests write in English cannot show on them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ChinesePagesTests {

    /** Proper names, abbreviations and units that Chinese pages write in Latin letters. */
    private static final Set<String> ALLOWED = Set.of("TierDesk", "API", "CSV", "JSON", "SLA", "VIP", "RFM", "CLV",
            "BG", "NBD", "ISO", "ID", "iCalendar", "ics", "UTF", "GBK", "GB", "Excel", "CDNOW", "OpenAPI", "Token",
            "htmx", "Prometheus", "PostgreSQL", "H2", "URL", "Email", "email", "App", "app", "Web", "web", "CN",
            "Jollyday", "min", "h", "s", "ms", "KPI", "NPS", "CSAT", "HTTP", "REST", "CC", "RMA", "English");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]+");
    /**
     * A token with a digit, an at sign, an underscore, a slash or a dot inside is a code, a figure, a date, a time zone or
     * an address; capitals in brackets are a code beside its name, as in "德国 (DE)".
     */
    private static final Pattern CODE_LIKE = Pattern.compile(".*[0-9@_/].*|.*\\.[A-Za-z].*|\\(\\p{Lu}+\\)");
    private static final List<String> TEXT_ATTRIBUTES = List.of("placeholder", "title", "aria-label", "alt");
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final String PERSON = "王主管";

    private static final String OWN_DATABASE = "chinese_pages";

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    Returns returns;

    @Autowired
    CustomerActivity activity;

    @Autowired
    Tasks tasks;

    @Autowired
    Assessments assessments;

    @Autowired
    ScoringModels models;

    @Autowired
    TierOverrides overrides;

    @Autowired
    SlaPolicies policies;

    @Autowired
    SlaCalendars calendars;

    @Autowired
    BusinessTime time;

    @Autowired
    Tickets tickets;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Articles articles;

    @Autowired
    ReplyTemplates replyTemplates;

    @Autowired
    InboundMail inboundMail;

    @Autowired
    TicketViews ticketViews;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry properties) {
        String shared = System.getenv("SPRING_DATASOURCE_URL");
        if (shared != null && shared.startsWith("jdbc:postgresql:")) {
            properties.add("spring.datasource.url",
                    () -> shared + (shared.contains("?") ? "&" : "?") + "currentSchema=" + OWN_DATABASE);
            properties.add("spring.flyway.schemas", () -> OWN_DATABASE);
        } else {
            properties.add("spring.datasource.url", () -> "jdbc:h2:mem:" + OWN_DATABASE + ";MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000;DB_CLOSE_ON_EXIT=FALSE");
        }
    }

    @Test
    void everyConsolePageReadsInChineseWithChineseRecords() throws Exception {
        Map<String, List<String>> urls = urlsOfChineseRecords();
        List<String> english = new ArrayList<>();
        for (String route : consoleRoutes()) {
            assertThat(urls).as("a Chinese record to show on %s", route).containsKey(route);
            for (String url : urls.get(route)) {
                for (Role role : route.equals("/") ? List.of(Role.values()) : List.of(Role.ADMIN)) {
                    englishWords(url, role).forEach(word -> english.add(role + " " + url + ": " + word));
                }
            }
        }
        assertThat(english).as("English words on Chinese pages").isEmpty();
    }

    /** The GET routes of the console: everything but the API, its documentation and the error controller. */
    private Set<String> consoleRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo mapping : handlerMapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
            boolean json = mapping.getProducesCondition().getProducibleMediaTypes().stream()
                    .anyMatch(type -> type.getSubtype().contains("json"));
            if ((methods.isEmpty() || methods.contains(RequestMethod.GET)) && !json) {
                mapping.getPatternValues().stream().filter(ChinesePagesTests::isConsole).forEach(routes::add);
            }
        }
        return routes;
    }

    private static boolean isConsole(String route) {
        return !route.startsWith("/api/") && !route.startsWith("/v3/") && !route.startsWith("/swagger-ui")
                && !route.equals("/error");
    }

    /** For each route, the URLs that show it with Chinese records, in each state the page has. */
    private Map<String, List<String>> urlsOfChineseRecords() throws Exception {
        Customer customer = customers.create(aCustomer().name("杭州丝绸贸易有限公司").owner(PERSON).region("浙江")
                .email("sichou@example.cn").industry("apparel").tags("price-sensitive", "wechat-follower").build());
        YearMonth month = YearMonth.from(activity.today());
        orders.upsert(anOrder(customer.code()).amount("12800.50").paidOn(month.minusMonths(1).atDay(8)).build());
        orders.upsert(anOrder(customer.code()).amount("3999.00").paidOn(month.minusMonths(2).atDay(18)).build());
        tasks.create(new TaskDraft(TaskKind.CHURN_WARNING, customer.id(), "回访客户，了解近期采购计划", null, PERSON,
                time.today().plusDays(3), "pages:" + customer.code()));
        transactions.executeWithoutResult(status -> notifications.send(
                NotificationDraft.toConsole(PERSON, "notification.test", "/tasks", "7")));
        AssessmentRun run = assessments.run(new AssessmentRequest(activity.today(), null, null,
                Segment.ofCodes(List.of(customer.code()))), TriggerKind.MANUAL, null, "李分析");
        long override = overrides.request(customer.code(), "VIP", "年度战略客户，经理批准", activity.today().plusMonths(6),
                "赵经理").id();
        ModelVersion model = models.active();
        String calendar = calendars.codes().get(0);
        String importJob = importedChineseFile();

        long ticket = tickets.create(new TicketDraft(IntakeChannel.PHONE, customer.code(),
                new Requester("周女士", null, "13800000000"), "丝绸样品破损", TicketType.COMPLAINT, Priority.HIGH,
                "收到的样品有破损，请尽快处理", List.of("破损"), List.of(), PERSON), null, PERSON).ticket().ticket().id().value();
        tickets.addMessage(TicketId.of(ticket), 0, new MessageDraft(MessageKind.INTERNAL_NOTE, "已联系仓库核实"), PERSON);
        long secondTicket = tickets.create(new TicketDraft(IntakeChannel.PHONE, customer.code(),
                new Requester("周女士", null, "13800000000"), "样品破损（重复来电）", TicketType.COMPLAINT, Priority.HIGH,
                "同一问题再次来电", List.of(), List.of(), PERSON), null, PERSON).ticket().ticket().id().value();
        long view = ticketViews.create(new TicketViewDraft("我的投诉", null, PERSON, false, null, TicketType.COMPLAINT,
                null, null, null, null), PERSON).id();

        Article article = articles.create(new ArticleDraft("样品破损怎么处理", "# 处理步骤\n- 拍照留证\n- 联系客服补发",
                "zh-CN", List.of("破损")), PERSON);
        article = articles.publish(article.id(), article.version(), PERSON);
        ReplyTemplate reply = replyTemplates.create(new TemplateDraft("破损致歉 " + customer.code(),
                "{{customer.name}} 您好，工单 {{ticket.id}} 已受理，{{ticket.deadline}}。", "zh-CN"), PERSON);

        OrderDraft silk = anOrder(customer.code()).amount("860.00").paidOn(time.today()).build();
        orders.upsert(new OrderDraft(silk.externalId(), silk.customerCode(), silk.amount(), null, silk.placedAt(),
                silk.paidAt(), silk.status(), List.of(new OrderLineDraft("SILK-01", "真丝围巾", 2, new BigDecimal("860.00")))));
        long rma = returns.request(new ReturnDraft(silk.externalId(), ReturnKind.EXCHANGE, "颜色与图片不符",
                List.of(new ReturnDraft.LineDraft(1, 1)), null, "zh"), PERSON).id();
        returns.approve(rma, PERSON);

        String code = customer.code();
        Map<String, List<String>> urls = new LinkedHashMap<>();
        urls.put("/", List.of("/"));
        urls.put("/login", List.of("/login", "/login?error"));
        urls.put("/customers", List.of("/customers", "/customers?q=丝绸", "/customers?q=没有这个客户"));
        urls.put("/customers/{code}", List.of("/customers/" + code));
        urls.put("/customers/{code}/orders", List.of("/customers/" + code + "/orders"));
        urls.put("/customers/{code}/interactions", List.of("/customers/" + code + "/interactions"));
        urls.put("/imports", List.of("/imports"));
        urls.put("/imports/{id}", List.of("/imports/" + importJob));
        urls.put("/imports/{id}/rejected.csv", List.of()); // a CSV download, not a page
        urls.put("/tasks", List.of("/tasks"));
        urls.put("/tasks/all", List.of("/tasks/all"));
        urls.put("/tasks/pool", List.of("/tasks/pool"));
        urls.put("/tickets", List.of("/tickets", "/tickets?risk=BREACHED"));
        urls.put("/tickets/all", List.of("/tickets/all"));
        urls.put("/tickets/unassigned", List.of("/tickets/unassigned"));
        urls.put("/tickets/board", List.of("/tickets/board"));
        urls.put("/tickets/new", List.of("/tickets/new?customer=" + code));
        urls.put("/tickets/{id}", List.of("/tickets/" + ticket));
        urls.put("/tickets/customers/{code}", List.of("/tickets/customers/" + code));
        urls.put("/tickets/views/bar", List.of("/tickets/views/bar"));
        urls.put("/tickets/{id}/merge", List.of("/tickets/" + ticket + "/merge?target=" + secondTicket));
        urls.put("/tickets/views/{id}", List.of("/tickets/views/" + view));
        urls.put("/notifications", List.of("/notifications"));
        urls.put("/notifications/bell", List.of("/notifications/bell"));
        urls.put("/password", List.of("/password"));
        urls.put("/tiering", List.of("/tiering"));
        urls.put("/tiering/customers/{code}/panel", List.of("/tiering/customers/" + code + "/panel"));
        urls.put("/customer-labels", List.of("/customer-labels"));
        urls.put("/tiering/overrides", List.of("/tiering/overrides", "/tiering/overrides?confirm=" + override + "&decision=approve",
                "/tiering/overrides?confirm=" + override + "&decision=reject"));
        urls.put("/tiering/overrides/{id}/row", List.of("/tiering/overrides/" + override + "/row"));
        urls.put("/tiering/runs/{id}", List.of("/tiering/runs/" + run.id(), "/tiering/runs/" + run.id() + "?confirm=approve",
                "/tiering/runs/" + run.id() + "?confirm=reject", "/tiering/runs/" + run.id() + "?change=DOWNGRADE&cause=POPULATION"));
        urls.put("/tiering/runs/{id}/state", List.of("/tiering/runs/" + run.id() + "/state"));
        urls.put("/tiering/runs/{id}/decision", List.of("/tiering/runs/" + run.id() + "/decision"));
        urls.put("/tiering/runs/{id}/customers/{code}", List.of("/tiering/runs/" + run.id() + "/customers/" + code));
        urls.put("/tiering/models", List.of("/tiering/models"));
        urls.put("/tiering/models/new", List.of("/tiering/models/new"));
        urls.put("/tiering/models/{id}", List.of("/tiering/models/" + model.modelId()));
        urls.put("/tiering/models/{id}/versions/{version}",
                List.of("/tiering/models/" + model.modelId() + "/versions/" + model.version()));
        urls.put("/tiering/benefits", List.of("/tiering/benefits"));
        urls.put("/returns", List.of("/returns"));
        urls.put("/returns/new", List.of("/returns/new"));
        urls.put("/returns/{id}", List.of("/returns/" + rma));
        urls.put("/tiering/models/{id}/edit", List.of("/tiering/models/" + model.modelId() + "/edit"));
        urls.put("/tiering/industry-growth", List.of("/tiering/industry-growth"));
        urls.put("/sla/calculator", List.of("/sla/calculator"));
        urls.put("/sla/clocks", List.of("/sla/clocks"));
        urls.put("/sla/policies", List.of("/sla/policies"));
        urls.put("/sla/policies/{version}", List.of("/sla/policies/" + policies.current().version()));
        urls.put("/sla/calendars", List.of("/sla/calendars"));
        urls.put("/sla/calendars/{code}", List.of("/sla/calendars/" + calendar));
        urls.put("/sla/calendars/{code}/export", List.of());
        urls.put("/knowledge", List.of("/knowledge", "/knowledge?q=破损", "/knowledge?q=没有这篇文章"));
        urls.put("/knowledge/articles/new", List.of("/knowledge/articles/new"));
        urls.put("/knowledge/articles/{id}", List.of("/knowledge/articles/" + article.id()));
        urls.put("/knowledge/articles/{id}/edit", List.of("/knowledge/articles/" + article.id() + "/edit"));
        urls.put("/knowledge/suggestions", List.of("/knowledge/suggestions?ticket=" + ticket));
        urls.put("/knowledge/templates", List.of("/knowledge/templates", "/knowledge/templates?q=破损"));
        urls.put("/knowledge/templates/new", List.of("/knowledge/templates/new"));
        urls.put("/knowledge/templates/{id}/edit", List.of("/knowledge/templates/" + reply.id() + "/edit"));
        urls.put("/knowledge/templates/picker", List.of("/knowledge/templates/picker?ticket=" + ticket,
                "/knowledge/templates/picker?ticket=" + ticket + "&q=致歉"));
        urls.put("/knowledge/gaps", List.of("/knowledge/gaps"));
        byte[] triageMail = ("From: =?UTF-8?B?" + Base64.getEncoder().encodeToString("李雷".getBytes(StandardCharsets.UTF_8))
                + "?= <li.lei@unknown.example>\r\nMessage-ID: <triage-page@unknown.example>\r\n"
                + "Subject: =?UTF-8?B?" + Base64.getEncoder().encodeToString("包裹在哪里".getBytes(StandardCharsets.UTF_8))
                + "?=\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getEncoder().encodeToString("订单七十七还没到".getBytes(StandardCharsets.UTF_8)) + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        inboundMail.receive(triageMail);
        urls.put("/tickets/triage", List.of("/tickets/triage"));
        urls.put("/admin/mailbox", List.of("/admin/mailbox"));
        urls.put("/admin/tokens", List.of("/admin/tokens"));
        urls.put("/admin/service-accounts", List.of("/admin/service-accounts"));
        urls.put("/admin/accounts", List.of("/admin/accounts"));
        urls.put("/admin/customer-owners", List.of("/admin/customer-owners"));
        urls.put("/admin/accounts/{name}", List.of("/admin/accounts/" + accountOfChinesePerson(code)));
        return urls;
    }

    /** A person with a Chinese name, a team and skills, and gives the account's name. */
    private String accountOfChinesePerson(String customerCode) {
        String name = "pages-" + customerCode.toLowerCase(Locale.ROOT);
        return accounts.createPerson(name, "王小明", Role.AGENT,
                new Staffing(Set.of("华东一组"), new Skills(Set.of("COMPLAINT"), Set.of("zh")), 30),
                new ContactChange(name + "@example.cn", "zh-CN"), "王主管")
                .account().username();
    }

    /** Imports a Chinese customer file through the console and gives the import's id. */
    private String importedChineseFile() throws Exception {
        String csv = "code,name,region\nZH-PAGES-1,上海茶叶有限公司,上海\nZH-PAGES-2,,北京\n";
        String location = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "客户名单.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).param("kind", "customers").with(user(PERSON).roles(Role.ADMIN.name()))
                .with(csrf())).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).as("the import's page").startsWith("/imports/");
        return location.substring("/imports/".length());
    }

    private Set<String> englishWords(String url, Role role) throws Exception {
        MockHttpServletRequestBuilder request = get(url).locale(CHINESE).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
        if (!url.startsWith("/login")) {
            request.with(user(PERSON).roles(role.name()));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as("%s for %s", url, role).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
        page.select("script, style, textarea, code, kbd, samp, [data-user]").remove();
        List<String> texts = new ArrayList<>();
        texts.add(page.body().text());
        for (Element element : page.getAllElements()) {
            TEXT_ATTRIBUTES.forEach(name -> texts.add(element.attr(name)));
            if (element.is("input[type=submit], input[type=button]")) {
                texts.add(element.attr("value"));
            }
        }
        Set<String> english = new TreeSet<>();
        for (String text : texts) {
            String[] tokens = text.split("\\s+");
            for (int i = 0; i < tokens.length; i++) {
                if (!CODE_LIKE.matcher(tokens[i]).matches()) {
                    Matcher word = LATIN_WORD.matcher(tokens[i]);
                    while (word.find()) {
                        if (word.group().length() > 1 && !ALLOWED.contains(word.group())) {
                            english.add(word.group() + " in «" + around(tokens, i) + "»");
                        }
                    }
                }
            }
        }
        return english;
    }

    /** The words around a token, to find the English word on its page. */
    private static String around(String[] tokens, int at) {
        return String.join(" ", List.of(tokens).subList(Math.max(0, at - 3), Math.min(tokens.length, at + 4)));
    }
}
