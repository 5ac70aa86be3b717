package com.tierdesk.customer.web;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerLabels;
import com.tierdesk.customer.CustomerSearch;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.LabelDictionary;
import com.tierdesk.customer.TierNames;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.ExportColumn;
import com.tierdesk.shared.ExportColumn.Kind;
import com.tierdesk.shared.ExportFormat;
import com.tierdesk.shared.TableExport;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The customer list as a file, for the console and the API alike: every customer the search matches, in its order,
 * with the list's columns and the figures behind them, headers and names in the reader's language.
 */
@Component
class CustomerExport {

    static final String FILE = "customers";

    private final Customers customers;
    private final CustomerLabels labels;
    private final ObjectProvider<TierNames> tierNames;
    private final MessageSource messages;
    private final BusinessTime time;

    CustomerExport(Customers customers, CustomerLabels labels, ObjectProvider<TierNames> tierNames,
            MessageSource messages, BusinessTime time) {
        this.customers = customers;
        this.labels = labels;
        this.tierNames = tierNames;
        this.messages = messages;
        this.time = time;
    }

    void write(CustomerSearch search, ExportFormat format, Locale locale, HttpServletResponse response)
            throws IOException {
        Map<String, String> tiers = tierNames.stream().findFirst().map(names -> names.names(locale)).orElse(Map.of());
        LabelDictionary dictionary = labels.dictionary();
        String yes = text("export.yes", locale);
        try (var export = TableExport.download(response, format, FILE, time.today(), time.zone(), List.of(
                ExportColumn.text(text("customer.field.code", locale)),
                ExportColumn.text(text("customer.field.name", locale)),
                ExportColumn.text(text("customer.list.tier", locale)),
                ExportColumn.text(text("customer.field.kind", locale)),
                ExportColumn.text(text("customer.field.industry", locale)),
                ExportColumn.text(text("customer.field.region", locale)),
                ExportColumn.text(text("customer.field.owner", locale)),
                new ExportColumn(text("customer.list.lastPaid", locale), Kind.INSTANT),
                ExportColumn.text(text("customer.list.atRisk", locale)),
                new ExportColumn(text("export.customer.paidOrders", locale), Kind.INTEGER),
                new ExportColumn(text("export.customer.lifetimeSpend", locale), Kind.AMOUNT),
                ExportColumn.text(text("customer.field.phone", locale)),
                ExportColumn.text(text("customer.field.email", locale)),
                new ExportColumn(text("customer.field.registeredOn", locale), Kind.DATE),
                new ExportColumn(text("export.customer.createdAt", locale), Kind.INSTANT)))) {
            customers.export(search, line -> {
                Customer c = line.customer();
                String tier = line.standing().tier();
                export.row(c.code(), c.name(), tier == null ? null : tiers.getOrDefault(tier, tier),
                        text("customer.kind." + c.kind(), locale), dictionary.industry(c.industry(), locale),
                        c.region(), c.owner(), line.standing().lastPaidAt(), line.standing().churnRisk() ? yes : null,
                        line.paidOrders(), line.lifetimeSpend(), c.phone(), c.email(), c.registeredOn(),
                        c.createdAt());
            });
            export.finish();
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
