package com.tierdesk.ticket.web;

import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.sla.Priority;
import com.tierdesk.ticket.BulkAction;
import com.tierdesk.ticket.BulkActions;
import com.tierdesk.ticket.BulkResult;
import com.tierdesk.ticket.TicketStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The queues' bulk form: one change to the ticked tickets, answered with what was applied, what was already so and
 * what a rule refused, each refusal with its reason in the reader's language. The answer asks the rows to refresh
 * ({@code tickets-changed}).
 */
@Controller
@RequestMapping("/tickets/bulk")
@PreAuthorize("isAuthenticated()")
class TicketBulkController {

    /** A ticket left as it was, with its reason worded. */
    record Refusal(long ticket, String reason) {
    }

    private final BulkActions bulk;
    private final ProblemMessages problemMessages;

    TicketBulkController(BulkActions bulk, ProblemMessages problemMessages) {
        this.bulk = bulk;
        this.problemMessages = problemMessages;
    }

    /** Anyone but a supervisor may only take tickets: their assignee is themselves whatever the form says. */
    @PostMapping
    String apply(@RequestParam(name = "tickets", required = false) List<Long> ids,
            @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String assignee,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String priority,
            @RequestParam(defaultValue = "") String tags, Authentication caller, Locale locale, Model model,
            HttpServletResponse response) {
        boolean supervisor = QueueRows.supervisor(caller);
        BulkAction.Kind kind = parse(BulkAction.Kind.class, action);
        var change = new BulkAction(kind, supervisor ? assignee : caller.getName(), parse(TicketStatus.class, status),
                parse(Priority.class, priority), Arrays.stream(tags.split("[,，]")).map(String::strip)
                        .filter(tag -> !tag.isEmpty()).toList());
        try {
            BulkResult result = bulk.apply(ids, change, caller.getName(), supervisor);
            model.addAttribute("result", result);
            model.addAttribute("refusals", result.refused().stream().map(refused -> new Refusal(
                    refused.ticket().value(), problemMessages.text(refused.reason().reason(), locale))).toList());
            response.setHeader("HX-Trigger", "tickets-changed");
            return "ticket/views :: bulkResult";
        } catch (InvalidInput e) {
            model.addAttribute("bulkProblems", problemMessages.show(e.problems()));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "ticket/views :: bulkResult";
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst()
                .orElse(null);
    }
}
