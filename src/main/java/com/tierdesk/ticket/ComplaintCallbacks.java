package com.tierdesk.ticket;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.Customers;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.task.TaskDraft;
import com.tierdesk.task.TaskKind;
import com.tierdesk.task.TaskReason;
import com.tierdesk.task.Tasks;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * After a complex complaint closes, a callback (回访) on the task list, due the next day, for the customer's
 * dedicated account manager, else whoever had the ticket last: they call the customer to confirm they are satisfied.
 * One per ticket, however often it is asked for.
 */
@Component
class ComplaintCallbacks {

    static final String REASON = "COMPLAINT_CALLBACK";

    private final ComplaintRecords complaints;
    private final Customers customers;
    private final Tasks tasks;
    private final BusinessTime time;

    ComplaintCallbacks(ComplaintRecords complaints, Customers customers, Tasks tasks, BusinessTime time) {
        this.complaints = complaints;
        this.customers = customers;
        this.tasks = tasks;
        this.time = time;
    }

    /** Creates the callbacks of the complex complaints among these tickets, which have just closed. */
    void closed(Collection<TicketId> tickets) {
        List<TaskDraft> callbacks = complaints.complexAmong(tickets).stream().map(closed -> {
            String owner = customers.find(closed.customer()).map(Customer::owner).orElse(null);
            return new TaskDraft(TaskKind.COMPLAINT_CALLBACK, closed.customer(), null, null,
                    new TaskReason(REASON, List.of(String.valueOf(closed.ticket().value()))),
                    owner != null ? owner : closed.assignee(), time.today().plusDays(1),
                    "ticket-callback:" + closed.ticket().value());
        }).toList();
        tasks.createAll(callbacks);
    }
}
