package com.tierdesk.ticket.web;

import com.tierdesk.customer.PageSpec;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.ExportFormat;
import com.tierdesk.sla.TicketType;
import com.tierdesk.ticket.IntakeChannel;
import com.tierdesk.ticket.QueueSearch;
import com.tierdesk.ticket.SlaRisk;
import com.tierdesk.ticket.TicketSearch;
import com.tierdesk.ticket.TicketStatus;
import com.tierdesk.ticket.TicketView;
import com.tierdesk.ticket.Tickets;
import com.tierdesk.tiering.TierCatalog;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The ticket queues, ordered by SLA urgency (the ticket whose running target is due first first, so the breached
 * ones lead) with countdowns htmx refreshes every few seconds: one's own open tickets; for supervisors everybody's
 * and the unassigned ones, and the at-risk board by tier. Also the customer 360 page's list of the customer's
 * tickets, which that page loads from here so that the customer module needs nothing of tickets.
 */
@Controller
@RequestMapping("/tickets")
@PreAuthorize("isAuthenticated()")
class TicketQueueController {

    static final int BOARD_SIZE = 50;
    static final int CUSTOMER_TICKETS = 20;

    /** Which queue a page shows, and where it lives. */
    enum View {
        MINE("/tickets"), ALL("/tickets/all"), UNASSIGNED("/tickets/unassigned");

        final String path;

        View(String path) {
            this.path = path;
        }
    }

    /** The filters as chosen, unknown values dropped. */
    record Filters(String tier, TicketType type, TicketStatus status, IntakeChannel channel, SlaRisk risk) {
    }

    private final Tickets tickets;
    private final TierCatalog tiers;
    private final BusinessTime time;
    private final TicketExport export;
    private final QueueRows queueRows;

    TicketQueueController(Tickets tickets, TierCatalog tiers, BusinessTime time, TicketExport export,
            QueueRows queueRows) {
        this.export = export;
        this.tickets = tickets;
        this.tiers = tiers;
        this.time = time;
        this.queueRows = queueRows;
    }

    @GetMapping
    String mine(@RequestParam(defaultValue = "") String tier, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String channel,
            @RequestParam(defaultValue = "") String risk, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Authentication caller, Locale locale,
            Model model) {
        return queue(View.MINE, caller.getName(), filters(tier, type, status, channel, risk), page, htmx != null,
                caller, locale, model);
    }

    @GetMapping("/all")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String everybodys(@RequestParam(defaultValue = "") String tier, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String channel,
            @RequestParam(defaultValue = "") String risk, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Authentication caller, Locale locale,
            Model model) {
        return queue(View.ALL, null, filters(tier, type, status, channel, risk), page, htmx != null, caller, locale,
                model);
    }

    @GetMapping("/unassigned")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String unassigned(@RequestParam(defaultValue = "") String tier, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String channel,
            @RequestParam(defaultValue = "") String risk, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Authentication caller, Locale locale,
            Model model) {
        return queue(View.UNASSIGNED, null, filters(tier, type, status, channel, risk), page, htmx != null, caller,
                locale, model);
    }

    /** A queue as a file: every ticket the filters match, all pages, in the queue's order. */
    @GetMapping(params = "format")
    void exportMine(@RequestParam(defaultValue = "") String tier, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String channel,
            @RequestParam(defaultValue = "") String risk, @RequestParam ExportFormat format, Authentication caller,
            Locale locale, HttpServletResponse response) throws IOException {
        export.queue(search(View.MINE, caller.getName(), filters(tier, type, status, channel, risk), 0), format, locale,
                response);
    }

    @GetMapping(path = "/all", params = "format")
    @PreAuthorize("hasRole('SUPERVISOR')")
    void exportEverybodys(@RequestParam(defaultValue = "") String tier, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String channel,
            @RequestParam(defaultValue = "") String risk, @RequestParam ExportFormat format, Locale locale,
            HttpServletResponse response) throws IOException {
        export.queue(search(View.ALL, null, filters(tier, type, status, channel, risk), 0), format, locale, response);
    }

    @GetMapping(path = "/unassigned", params = "format")
    @PreAuthorize("hasRole('SUPERVISOR')")
    void exportUnassigned(@RequestParam(defaultValue = "") String tier, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String channel,
            @RequestParam(defaultValue = "") String risk, @RequestParam ExportFormat format, Locale locale,
            HttpServletResponse response) throws IOException {
        export.queue(search(View.UNASSIGNED, null, filters(tier, type, status, channel, risk), 0), format, locale,
                response);
    }

    /**
     * Supervisors: open tickets with a target at risk or breached, counted by tier of the ladder (up to the queue's
     * count limit), the breached ones first.
     */
    @GetMapping("/board")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String board(@RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model) {
        Instant now = time.now();
        model.addAttribute("counts", tickets.riskByTier(tiers.codes()));
        model.addAttribute("breached", queueRows.rows(tickets.queue(search(SlaRisk.BREACHED)), now, locale));
        model.addAttribute("atRisk", queueRows.rows(tickets.queue(search(SlaRisk.AT_RISK)), now, locale));
        model.addAttribute("tierNames", tiers.names(locale));
        return htmx != null ? "ticket/board :: board" : "ticket/board";
    }

    /** The customer 360 page's list: the customer's tickets, those due first first, then those done. */
    @GetMapping("/customers/{code}")
    String ofCustomer(@PathVariable String code, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("paged", tickets.list(new TicketSearch(null, code, null, null, null, null,
                PageSpec.first(CUSTOMER_TICKETS))));
        return "ticket/customer-tickets :: tickets";
    }

    private String queue(View view, String assignee, Filters filters, int page, boolean fragment,
            Authentication caller, Locale locale, Model model) {
        queueRows.fill(search(view, assignee, filters, page), url(view, filters), link(view, filters).toUriString(),
                locale, model);
        model.addAttribute("view", view.name());
        model.addAttribute("filters", filters);
        if (fragment) {
            return "ticket/queue :: rows";
        }
        queueRows.forms(caller, model);
        queueRows.bar(caller, 0, model);
        model.addAttribute("saveForm", new TicketViewConsoleController.SaveForm("", "", TicketView.Sort.DUE.name(),
                view.name(), filters.tier(), name(filters.type()), name(filters.status()), name(filters.channel()),
                name(filters.risk())));
        model.addAttribute("types", TicketType.values());
        model.addAttribute("statuses", Arrays.stream(TicketStatus.values()).filter(TicketStatus::open).toList());
        model.addAttribute("channels", IntakeChannel.values());
        model.addAttribute("risks", SlaRisk.values());
        return "ticket/queue";
    }

    private static QueueSearch search(View view, String assignee, Filters filters, int page) {
        return new QueueSearch(assignee, view == View.UNASSIGNED, filters.tier(), filters.type(), filters.status(),
                filters.channel(), filters.risk(), new PageSpec(Math.max(0, page), PageSpec.DEFAULT_SIZE));
    }

    private static QueueSearch search(SlaRisk risk) {
        return new QueueSearch(null, false, null, null, null, null, risk, PageSpec.first(BOARD_SIZE));
    }

    /** The queue's URL with its filters, ready for a page number: {@code /tickets/all?tier=VIP&}. */
    private static String url(View view, Filters filters) {
        String built = link(view, filters).toUriString();
        return built + (built.contains("?") ? "&" : "?");
    }

    /** The queue's URL with its filters: {@code /tickets/all?tier=VIP}. */
    private static UriComponents link(View view, Filters filters) {
        var url = UriComponentsBuilder.fromPath(view.path);
        add(url, "tier", filters.tier());
        add(url, "type", filters.type());
        add(url, "status", filters.status());
        add(url, "channel", filters.channel());
        add(url, "risk", filters.risk());
        return url.encode().build();
    }

    private static void add(UriComponentsBuilder url, String name, Object value) {
        if (value != null) {
            url.queryParam(name, value);
        }
    }

    private static Filters filters(String tier, String type, String status, String channel, String risk) {
        return new Filters(tier.isBlank() ? null : tier.strip(), parse(TicketType.class, type),
                parse(TicketStatus.class, status), parse(IntakeChannel.class, channel), parse(SlaRisk.class, risk));
    }

    private static String name(Enum<?> value) {
        return value == null ? "" : value.name();
    }

    /** The constant named, or null when the value is blank or names none (the filter is then not applied). */
    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst()
                .orElse(null);
    }
}
