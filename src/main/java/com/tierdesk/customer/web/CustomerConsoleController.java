package com.tierdesk.customer.web;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerInteractions;
import com.tierdesk.customer.CustomerLabels;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.CustomerSearch;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.PageSpec;
import com.tierdesk.customer.Paged;
import com.tierdesk.customer.PurchaseAggregates;
import com.tierdesk.customer.PurchaseHistory;
import com.tierdesk.customer.TierNames;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.ExportFormat;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.ProblemMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's customer list with live search, each customer's tier and churn risk, filtered by tier, account
 * manager and churn risk; and the customer 360 page. htmx requests get the fragment. Every
 * figure on the 360 page says its window: the 12 complete months before today's month (the tiering metrics'
 * window, docs/metrics.md), the month to date, or everything to date.
 */
@Controller
@RequestMapping("/customers")
class CustomerConsoleController {

    private static final int LIST_SIZE = 20;
    private static final int TABLE_SIZE = 10;
    /** The window's 12 months and the month to date. */
    private static final int CHART_MONTHS = 13;

    private final Customers customers;
    private final CustomerOrders orders;
    private final CustomerInteractions interactions;
    private final PurchaseAggregates aggregates;
    private final BusinessTime time;
    private final ObjectProvider<TierNames> tierNames;
    private final ProblemMessages problemMessages;
    private final CustomerLabels labels;
    private final CustomerExport export;

    CustomerConsoleController(Customers customers, CustomerOrders orders, CustomerInteractions interactions,
            PurchaseAggregates aggregates, BusinessTime time, ObjectProvider<TierNames> tierNames,
            ProblemMessages problemMessages, CustomerLabels labels, CustomerExport export) {
        this.export = export;
        this.problemMessages = problemMessages;
        this.labels = labels;
        this.customers = customers;
        this.orders = orders;
        this.interactions = interactions;
        this.aggregates = aggregates;
        this.time = time;
        this.tierNames = tierNames;
    }

    /** A customer's tier as the list shows it: its code, its name in the reader's language and its rank (1 = best). */
    record TierBadge(String code, String name, int rank) {
    }

    /** The list's filters as submitted, echoed back into the form and the pager's links. */
    record ListFilter(String q, String tier, String owner, boolean churnRisk) {

        String url() {
            var url = UriComponentsBuilder.fromPath("/customers");
            if (!q.isEmpty()) {
                url.queryParam("q", q);
            }
            if (!tier.isEmpty()) {
                url.queryParam("tier", tier);
            }
            if (!owner.isEmpty()) {
                url.queryParam("owner", owner);
            }
            if (churnRisk) {
                url.queryParam("churnRisk", true);
            }
            return url.encode().toUriString();
        }
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String owner, @RequestParam(defaultValue = "false") boolean churnRisk,
            @RequestParam(defaultValue = "0") int page, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Locale locale, Model model) {
        PageSpec spec = page(page, LIST_SIZE);
        var filter = new ListFilter(strip(q), strip(tier), strip(owner), churnRisk);
        Map<String, TierBadge> badges = tierBadges(locale);
        try {
            Paged<Customer> result = customers.search(new CustomerSearch(filter.q(), null, null, null, null,
                    filter.owner(), filter.tier(), churnRisk, null, false, spec));
            model.addAttribute("result", result);
            model.addAttribute("standing", customers.standing(result.items().stream().map(Customer::id).toList()));
        } catch (InvalidInput e) {
            model.addAttribute("result", Paged.of(List.of(), spec, 0));
            model.addAttribute("standing", Map.of());
            model.addAttribute("searchRefused", problemMessages.text(e.problems().get(0).reason()));
        }
        model.addAttribute("filter", filter);
        model.addAttribute("listUrl", filter.url());
        model.addAttribute("tiers", badges);
        model.addAttribute("labels", labels.dictionary());
        return htmx != null ? "customer/list :: results" : "customer/list";
    }

    /** The list as a file: every customer the filters match, all pages, in the list's order. */
    @GetMapping(params = "format")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String owner, @RequestParam(defaultValue = "false") boolean churnRisk,
            @RequestParam ExportFormat format, Locale locale, HttpServletResponse response) throws IOException {
        CustomerSearch search;
        try {
            search = new CustomerSearch(strip(q), null, null, null, null, strip(owner), strip(tier), churnRisk, null,
                    false, null);
        } catch (InvalidInput e) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, problemMessages.text(e));
        }
        export.write(search, format, locale, response);
    }

    /** The ladder's tiers by code, best first; without a ladder (the module on its own) none, and codes show as they are. */
    private Map<String, TierBadge> tierBadges(Locale locale) {
        Map<String, TierBadge> badges = new LinkedHashMap<>();
        tierNames.ifAvailable(names -> names.names(locale)
                .forEach((code, name) -> badges.put(code, new TierBadge(code, name, badges.size() + 1))));
        return badges;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    @GetMapping("/{code}")
    String detail(@PathVariable String code, Model model) {
        Customer customer = customers.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        LocalDate today = time.today();
        PurchaseHistory history = aggregates.history(customer.id(), YearMonth.from(today));
        List<PurchaseHistory.MonthlyPurchase> chart = history.months()
                .subList(PurchaseHistory.MONTHS - CHART_MONTHS, PurchaseHistory.MONTHS);
        model.addAttribute("customer", customer);
        model.addAttribute("labels", labels.dictionary());
        model.addAttribute("history", history);
        model.addAttribute("today", today);
        model.addAttribute("chartLabels", chart.stream().map(m -> m.month().toString()).toList());
        model.addAttribute("chartValues", chart.stream().map(m -> m.spend().toPlainString()).toList());
        model.addAttribute("orders", orders.ofCustomer(code, page(0, TABLE_SIZE)));
        model.addAttribute("interactions", interactions.ofCustomer(code, page(0, TABLE_SIZE)));
        return "customer/detail";
    }

    @GetMapping("/{code}/orders")
    String orders(@PathVariable String code, @RequestParam(defaultValue = "0") int page, Model model) {
        Customer customer = customers.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("customer", customer);
        model.addAttribute("orders", orders.ofCustomer(code, page(page, TABLE_SIZE)));
        return "customer/detail :: orders";
    }

    @GetMapping("/{code}/interactions")
    String interactions(@PathVariable String code, @RequestParam(defaultValue = "0") int page, Model model) {
        Customer customer = customers.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("customer", customer);
        model.addAttribute("interactions", interactions.ofCustomer(code, page(page, TABLE_SIZE)));
        return "customer/detail :: interactions";
    }

    private static PageSpec page(int page, int size) {
        return new PageSpec(Math.max(0, page), size);
    }
}
