package com.tierdesk.ticket.web;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.ExportColumn;
import com.tierdesk.shared.ExportColumn.Kind;
import com.tierdesk.shared.ExportFormat;
import com.tierdesk.shared.TableExport;
import com.tierdesk.ticket.QueueSearch;
import com.tierdesk.ticket.Ticket;
import com.tierdesk.ticket.TicketSearch;
import com.tierdesk.ticket.Tickets;
import com.tierdesk.tiering.TierCatalog;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Ticket lists as files: a queue (one's own, everybody's, the unassigned) with each ticket's next target, its due and
 * its SLA risk, or the API's ticket search; every row the filters match, in the list's order, headers and names in
 * the reader's language.
 */
@Component
class TicketExport {

    static final String FILE = "tickets";

    private final Tickets tickets;
    private final TierCatalog tiers;
    private final MessageSource messages;
    private final BusinessTime time;

    TicketExport(Tickets tickets, TierCatalog tiers, MessageSource messages, BusinessTime time) {
        this.tickets = tickets;
        this.tiers = tiers;
        this.messages = messages;
        this.time = time;
    }

    void queue(QueueSearch search, ExportFormat format, Locale locale, HttpServletResponse response)
            throws IOException {
        Map<String, String> tierNames = tiers.names(locale);
        List<ExportColumn> columns = new ArrayList<>(ticketColumns(locale));
        columns.add(ExportColumn.text(text("ticket.queue.next", locale)));
        columns.add(new ExportColumn(text("export.ticket.nextDue", locale), Kind.INSTANT));
        columns.add(ExportColumn.text(text("ticket.field.risk", locale)));
        try (var export = TableExport.download(response, format, FILE, time.today(), time.zone(), columns)) {
            tickets.exportQueue(search, entry -> {
                List<Object> cells = ticketCells(entry.ticket(), tierNames, locale);
                cells.add(text("sla.target." + entry.nextTarget(), locale));
                cells.add(entry.nextDue());
                cells.add(text("ticket.risk." + entry.risk(), locale));
                export.row(cells.toArray());
            });
            export.finish();
        }
    }

    void list(TicketSearch search, ExportFormat format, Locale locale, HttpServletResponse response)
            throws IOException {
        Map<String, String> tierNames = tiers.names(locale);
        List<ExportColumn> columns = new ArrayList<>(ticketColumns(locale));
        columns.add(new ExportColumn(text("export.ticket.solvedAt", locale), Kind.INSTANT));
        try (var export = TableExport.download(response, format, FILE, time.today(), time.zone(), columns)) {
            tickets.export(search, ticket -> {
                List<Object> cells = ticketCells(ticket, tierNames, locale);
                cells.add(ticket.solvedAt());
                export.row(cells.toArray());
            });
            export.finish();
        }
    }

    private List<ExportColumn> ticketColumns(Locale locale) {
        return List.of(new ExportColumn(text("ticket.field.id", locale), Kind.INTEGER),
                ExportColumn.text(text("ticket.field.subject", locale)),
                ExportColumn.text(text("ticket.field.customer", locale)),
                ExportColumn.text(text("ticket.field.tier", locale)),
                ExportColumn.text(text("ticket.field.type", locale)),
                ExportColumn.text(text("ticket.field.priority", locale)),
                ExportColumn.text(text("ticket.field.status", locale)),
                ExportColumn.text(text("ticket.field.channel", locale)),
                ExportColumn.text(text("ticket.field.assignee", locale)),
                new ExportColumn(text("ticket.field.createdAt", locale), Kind.INSTANT));
    }

    private List<Object> ticketCells(Ticket t, Map<String, String> tierNames, Locale locale) {
        return new ArrayList<>(Arrays.asList(t.id().value(), t.subject(), t.customerCode(),
                t.tier() == null ? null : tierNames.getOrDefault(t.tier(), t.tier()), text("sla.type." + t.type(), locale),
                text("sla.priority." + t.priority(), locale), text("ticket.status." + t.status(), locale),
                text("ticket.channel." + t.channel(), locale),
                t.assignee() == null ? text("ticket.unassigned", locale) : t.assignee(), t.createdAt()));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
