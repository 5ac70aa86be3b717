package com.tierdesk.customer.web;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerDraft;
import com.tierdesk.customer.CustomerInteractions;
import com.tierdesk.customer.CustomerKind;
import com.tierdesk.customer.CustomerOrder;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.CustomerSearch;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.FieldRules;
import com.tierdesk.customer.Interaction;
import com.tierdesk.customer.PageSpec;
import com.tierdesk.customer.Paged;
import com.tierdesk.customer.PurchaseAggregates;
import com.tierdesk.customer.Upserted;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.ExportFormat;
import com.tierdesk.shared.IfMatch;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.ProblemMessages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Customer master data, tags, orders, interactions and purchase history")
class CustomerApiController {

    private final Customers customers;
    private final CustomerOrders orders;
    private final CustomerInteractions interactions;
    private final PurchaseAggregates aggregates;
    private final BusinessTime time;
    private final CustomerExport export;

    CustomerApiController(Customers customers, CustomerOrders orders, CustomerInteractions interactions,
            PurchaseAggregates aggregates, BusinessTime time, CustomerExport export) {
        this.export = export;
        this.customers = customers;
        this.orders = orders;
        this.interactions = interactions;
        this.aggregates = aggregates;
        this.time = time;
    }

    @GetMapping
    @Operation(summary = "Search customers", description = "q matches a fragment of code, name, phone or email, "
            + "ignoring case. tier is the customer's current tier code; churnRisk=true keeps the customers whose last "
            + "paid order was 90 days ago or more. sort is name, code, created or spend, optionally followed by ',desc'. "
            + "Pages count from 0.")
    Paged<Customer> search(@RequestParam(required = false) String q, @RequestParam(required = false) String industry,
            @RequestParam(required = false) CustomerKind kind, @RequestParam(required = false) String region,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String tier, @RequestParam(defaultValue = "false") boolean churnRisk,
            @RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        var order = SortParameter.parse(sort);
        return customers.search(new CustomerSearch(q, industry, kind, region, tag, owner, tier, churnRisk, order.sort(),
                order.descending(), new PageSpec(page, size)));
    }

    @GetMapping(params = "format")
    @Operation(summary = "Export customers", description = "format=csv or format=xlsx: every customer the search's "
            + "filters match, all pages (page and size are ignored), in its sort, as a download named "
            + "customers-<date>.csv or .xlsx. CSV is UTF-8 with a byte order mark; headers are in the caller's "
            + "language (Accept-Language).")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) String industry,
            @RequestParam(required = false) CustomerKind kind, @RequestParam(required = false) String region,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String tier, @RequestParam(defaultValue = "false") boolean churnRisk,
            @RequestParam(defaultValue = "name") String sort, @RequestParam ExportFormat format,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        var order = SortParameter.parse(sort);
        export.write(new CustomerSearch(q, industry, kind, region, tag, owner, tier, churnRisk, order.sort(),
                order.descending(), null), format, ProblemMessages.apiLocale(request), response);
    }

    @PostMapping
    @Operation(summary = "Create a customer", description = "409 if the code is taken")
    ResponseEntity<Customer> create(@RequestBody CustomerDraft draft) {
        Customer customer = customers.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.code()))
                .eTag(etag(customer)).body(customer);
    }

    @GetMapping("/{code}")
    @Operation(summary = "Read a customer", description = "The ETag is the customer's version")
    ResponseEntity<Customer> get(@PathVariable String code) {
        Customer customer = customers.get(code);
        return ResponseEntity.ok().eTag(etag(customer)).body(customer);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Upsert or update a customer by code",
            description = "Without If-Match: creates (201) or updates (200) idempotently; the same data again "
                    + "changes nothing. With If-Match: \"<version>\": updates only that version (404 unknown code, "
                    + "409 changed since).")
    ResponseEntity<Customer> put(@PathVariable String code, @RequestBody CustomerDraft draft,
            @Parameter(description = "the version read, as its ETag") @RequestHeader(name = "If-Match", required = false)
            String ifMatch) {
        if (draft.code() != null && !draft.code().equals(code)) {
            throw InvalidInput.of("code", "problem.path-mismatch", ApiProblems.echo(code));
        }
        if (ifMatch != null) {
            Customer customer = customers.update(code, version(ifMatch), draft);
            return ResponseEntity.ok().eTag(etag(customer)).body(customer);
        }
        Upserted<Customer> result = customers.upsert(draft.withCode(code));
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(etag(result.value())).body(result.value());
    }

    @GetMapping("/{code}/tags")
    @Operation(summary = "List a customer's tags")
    List<String> tags(@PathVariable String code) {
        return customers.get(code).tags();
    }

    @PostMapping("/{code}/tags")
    @Operation(summary = "Add tags to a customer", description = "Tags the customer already has are left alone")
    List<String> addTags(@PathVariable String code, @RequestBody List<String> tags) {
        return customers.addTags(code, tags).tags();
    }

    @PutMapping("/{code}/tags/{tag}")
    @Operation(summary = "Add one tag to a customer")
    List<String> addTag(@PathVariable String code, @PathVariable String tag) {
        return customers.addTags(code, List.of(tag)).tags();
    }

    @DeleteMapping("/{code}/tags/{tag}")
    @Operation(summary = "Remove a tag from a customer")
    List<String> removeTag(@PathVariable String code, @PathVariable String tag) {
        return customers.removeTag(code, tag).tags();
    }

    @GetMapping("/{code}/orders")
    @Operation(summary = "A customer's orders, latest placed first")
    Paged<CustomerOrder> orders(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return orders.ofCustomer(code, new PageSpec(page, size));
    }

    @GetMapping("/{code}/interactions")
    @Operation(summary = "A customer's interactions, latest first")
    Paged<Interaction> interactions(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return interactions.ofCustomer(code, new PageSpec(page, size));
    }

    @GetMapping("/{code}/purchase-history")
    @Operation(summary = "A customer's purchases in the 24 months ending with asOf (default: this month)",
            description = "The 12-month figures cover windowFirstMonth to windowLastMonth: the 12 complete months "
                    + "before asOf, as the tiering metrics count them; asOf itself is the month to date.")
    PurchaseHistoryResponse purchaseHistory(@PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth asOf) {
        FieldRules.month(asOf).ifPresent(reason -> {
            throw InvalidInput.of("asOf", reason);
        });
        var month = asOf == null ? YearMonth.from(time.today()) : asOf;
        return PurchaseHistoryResponse.of(code, aggregates.history(customers.get(code).id(), month));
    }

    private static String etag(Customer customer) {
        return "\"" + customer.version() + "\"";
    }

    private static long version(String ifMatch) {
        return IfMatch.version(ifMatch, "problem.customer.if-match");
    }
}
