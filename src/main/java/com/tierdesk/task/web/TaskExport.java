package com.tierdesk.task.web;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.CustomerRef;
import com.tierdesk.customer.Customers;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.ExportColumn;
import com.tierdesk.shared.ExportColumn.Kind;
import com.tierdesk.shared.ExportFormat;
import com.tierdesk.shared.TableExport;
import com.tierdesk.task.Task;
import com.tierdesk.task.TaskStatus;
import com.tierdesk.task.Tasks;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A task list as a file, for the console and the API: every task of the list, earliest due first, with the customer
 * it is about, headers and names in the reader's language. Customers are looked up a chunk of rows at a time.
 */
@Component
class TaskExport {

    static final String FILE = "tasks";
    private static final int CHUNK = 500;

    private final Tasks tasks;
    private final Customers customers;
    private final MessageSource messages;
    private final BusinessTime time;

    TaskExport(Tasks tasks, Customers customers, MessageSource messages, BusinessTime time) {
        this.tasks = tasks;
        this.customers = customers;
        this.messages = messages;
        this.time = time;
    }

    /** @param pool the supervisors' pool, whatever {@code owner} and {@code status} say */
    void write(String owner, TaskStatus status, boolean pool, ExportFormat format, Locale locale,
            HttpServletResponse response) throws IOException {
        try (var export = TableExport.download(response, format, FILE, time.today(), time.zone(), List.of(
                new ExportColumn(text("export.task.id", locale), Kind.INTEGER),
                ExportColumn.text(text("task.task", locale)),
                ExportColumn.text(text("export.task.kind", locale)),
                ExportColumn.text(text("export.task.reason", locale)),
                ExportColumn.text(text("export.task.customerCode", locale)),
                ExportColumn.text(text("task.customer", locale)),
                new ExportColumn(text("task.due", locale), Kind.DATE),
                ExportColumn.text(text("task.owner", locale)),
                ExportColumn.text(text("task.status", locale)),
                ExportColumn.text(text("task.outcome", locale)),
                new ExportColumn(text("export.task.createdAt", locale), Kind.INSTANT),
                new ExportColumn(text("export.task.completedAt", locale), Kind.INSTANT)))) {
            List<Task> chunk = new ArrayList<>(CHUNK);
            tasks.export(owner, status, pool, task -> {
                chunk.add(task);
                if (chunk.size() == CHUNK) {
                    rows(chunk, export, locale);
                }
            });
            rows(chunk, export, locale);
            export.finish();
        }
    }

    private void rows(List<Task> chunk, TableExport export, Locale locale) {
        Map<CustomerId, CustomerRef> refs = customers.refs(chunk.stream().map(Task::customerId)
                .filter(Objects::nonNull).toList());
        for (Task t : chunk) {
            CustomerRef customer = t.customerId() == null ? null : refs.get(t.customerId());
            String kind = text("task.kind." + t.kind(), locale);
            export.row(t.id(), t.title() == null ? kind : t.title(), kind, t.reason() == null ? null
                            : messages.getMessage("task.because." + t.reason().code(), t.reason().figures().toArray(),
                            locale),
                    customer == null ? null : customer.code(), customer == null ? null : customer.name(), t.dueOn(),
                    t.owner() == null ? text("task.pool", locale) : t.owner(), text("task.status." + t.status(), locale),
                    t.outcome(), t.createdAt(), t.completedAt());
        }
        chunk.clear();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
