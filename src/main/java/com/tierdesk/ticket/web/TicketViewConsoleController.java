package com.tierdesk.ticket.web;

import com.tierdesk.customer.PageSpec;
import com.tierdesk.shared.ExportFormat;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.sla.TicketType;
import com.tierdesk.ticket.IntakeChannel;
import com.tierdesk.ticket.SlaRisk;
import com.tierdesk.ticket.TicketStatus;
import com.tierdesk.ticket.TicketView;
import com.tierdesk.ticket.TicketViewDraft;
import com.tierdesk.ticket.TicketViews;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saved views in the console: the bar of the reader's views with their counts (htmx refreshes it every 30 s), a view's
 * tickets as a queue, and saving the queue's filters as a view, renaming and deleting one. A refused change comes back
 * with its reason in the reader's language: 422 for bad input, 403 for a view the reader may not change.
 */
@Controller
@RequestMapping("/tickets/views")
@PreAuthorize("isAuthenticated()")
class TicketViewConsoleController {

    /** The save form as typed. */
    record SaveForm(String name, String team, String sort, String queue, String tier, String type, String status,
                    String channel, String risk) {
    }

    private final TicketViews views;
    private final QueueRows queueRows;
    private final TicketExport export;
    private final ProblemMessages problemMessages;

    TicketViewConsoleController(TicketViews views, QueueRows queueRows, TicketExport export,
            ProblemMessages problemMessages) {
        this.views = views;
        this.queueRows = queueRows;
        this.export = export;
        this.problemMessages = problemMessages;
    }

    /** The reader's views with how many open tickets each lists for them (1,000+ beyond the count limit). */
    @GetMapping("/bar")
    String bar(@RequestParam(defaultValue = "0") long current, Authentication caller, Model model) {
        queueRows.bar(caller, current, model);
        return "ticket/views :: bar";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Authentication caller, Locale locale,
            Model model) {
        TicketView view = read(id, caller);
        return page(view, page, htmx != null, caller, locale, model);
    }

    @GetMapping(path = "/{id}", params = "format")
    void export(@PathVariable long id, @RequestParam ExportFormat format, Authentication caller, Locale locale,
            HttpServletResponse response) throws IOException {
        TicketView view = read(id, caller);
        export.queue(views.search(view, caller.getName(), QueueRows.supervisor(caller), PageSpec.first(1)), format,
                locale, response);
    }

    /**
     * Saves the filters of the queue shown as a view: the unassigned queue's view lists unassigned tickets, one's own
     * queue's the reader's tickets. htmx is sent to the new view; a refusal comes back in the form (422).
     */
    @PostMapping
    String create(SaveForm form, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Authentication caller, Model model, HttpServletResponse response) {
        boolean mine = "MINE".equals(form.queue());
        var draft = new TicketViewDraft(form.name(), blank(form.team()) ? null : form.team(),
                mine ? caller.getName() : null, "UNASSIGNED".equals(form.queue()),
                blank(form.tier()) ? null : form.tier(), parse(TicketType.class, form.type()),
                parse(TicketStatus.class, form.status()), parse(IntakeChannel.class, form.channel()),
                parse(SlaRisk.class, form.risk()), parse(TicketView.Sort.class, form.sort()));
        try {
            TicketView view = views.create(draft, caller.getName());
            if (htmx == null) {
                return "redirect:/tickets/views/" + view.id();
            }
            // A redirect would be followed inside the htmx request; htmx moves the page itself on this header.
            response.setHeader("HX-Redirect", "/tickets/views/" + view.id());
            model.addAttribute("saved", view);
            return "ticket/views :: saved";
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            queueRows.forms(caller, model);
            model.addAttribute("saveForm", form);
            model.addAttribute("saveProblems", problemMessages.show(e.problems()));
            return "ticket/views :: save";
        }
    }

    @PostMapping("/{id}/rename")
    String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name, Authentication caller,
            Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(id, () -> views.rename(id, name, caller.getName(), QueueRows.supervisor(caller)),
                "ticket.views.done.renamed", "redirect:/tickets/views/" + id, caller, locale, model, response,
                redirect);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Authentication caller, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return change(id, () -> views.delete(id, caller.getName(), QueueRows.supervisor(caller)),
                "ticket.views.done.deleted", "redirect:/tickets", caller, locale, model, response, redirect);
    }

    private String change(long id, Runnable change, String done, String then, Authentication caller, Locale locale,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            change.run();
            redirect.addFlashAttribute("done", done);
            return then;
        } catch (NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", problemMessages.show(e.problems()));
        } catch (AccessDeniedException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("problems", problemMessages.show(List.of(
                    FieldProblem.of("id", "problem.ticket.view.not-yours"))));
        }
        return page(read(id, caller), 0, false, caller, locale, model);
    }

    private String page(TicketView view, int page, boolean fragment, Authentication caller, Locale locale,
            Model model) {
        String url = "/tickets/views/" + view.id();
        queueRows.fill(views.search(view, caller.getName(), QueueRows.supervisor(caller),
                new PageSpec(Math.max(0, page), PageSpec.DEFAULT_SIZE)), url + "?", url, locale, model);
        model.addAttribute("ticketView", view);
        model.addAttribute("view", "VIEW");
        if (fragment) {
            return "ticket/queue :: rows";
        }
        queueRows.forms(caller, model);
        queueRows.bar(caller, view.id(), model);
        return "ticket/view";
    }

    private TicketView read(long id, Authentication caller) {
        try {
            return views.get(id, caller.getName());
        } catch (NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The constant named, or null when the value is blank or names none (the filter is then not applied). */
    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst()
                .orElse(null);
    }
}
