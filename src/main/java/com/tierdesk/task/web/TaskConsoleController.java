package com.tierdesk.task.web;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.CustomerRef;
import com.tierdesk.customer.Customers;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.ExportFormat;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Refusal;
import com.tierdesk.task.Task;
import com.tierdesk.task.TaskStatus;
import com.tierdesk.task.Tasks;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The task list: one's own tasks (supervisors: everybody's, and the pool of tasks without an owner, which they take)
 * by status, each open one closed with an outcome.
 */
@Controller
@RequestMapping("/tasks")
@PreAuthorize("isAuthenticated()")
class TaskConsoleController {

    static final int LIMIT = 200;
    static final String ALL = "ALL";

    /** Which list a page shows. */
    enum View { MINE, ALL, POOL }

    private final Tasks tasks;
    private final Customers customers;
    private final BusinessTime time;
    private final ProblemMessages problemMessages;
    private final TaskExport export;

    TaskConsoleController(Tasks tasks, Customers customers, BusinessTime time, ProblemMessages problemMessages,
            TaskExport export) {
        this.export = export;
        this.problemMessages = problemMessages;
        this.tasks = tasks;
        this.customers = customers;
        this.time = time;
    }

    /** A task with the customer it is about, for the table. */
    record TaskRow(Task task, CustomerRef customer, boolean overdue) {
    }

    @GetMapping
    String mine(@RequestParam(defaultValue = "OPEN") String status, Authentication caller, Model model) {
        TaskStatus chosen = status(status);
        return page(tasks.list(caller.getName(), chosen, LIMIT), View.MINE, chosen, model);
    }

    @GetMapping("/all")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String everybodys(@RequestParam(defaultValue = "OPEN") String status, Model model) {
        TaskStatus chosen = status(status);
        return page(tasks.list(null, chosen, LIMIT), View.ALL, chosen, model);
    }

    @GetMapping("/pool")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String pool(Model model) {
        return page(tasks.pool(LIMIT), View.POOL, TaskStatus.OPEN, model);
    }

    /** A list as a file: every task it holds, not only the first {@value #LIMIT}. */
    @GetMapping(params = "format")
    void exportMine(@RequestParam(defaultValue = "OPEN") String status, @RequestParam ExportFormat format,
            Authentication caller, Locale locale, HttpServletResponse response) throws IOException {
        export.write(caller.getName(), status(status), false, format, locale, response);
    }

    @GetMapping(path = "/all", params = "format")
    @PreAuthorize("hasRole('SUPERVISOR')")
    void exportEverybodys(@RequestParam(defaultValue = "OPEN") String status, @RequestParam ExportFormat format,
            Locale locale, HttpServletResponse response) throws IOException {
        export.write(null, status(status), false, format, locale, response);
    }

    @GetMapping(path = "/pool", params = "format")
    @PreAuthorize("hasRole('SUPERVISOR')")
    void exportPool(@RequestParam ExportFormat format, Locale locale, HttpServletResponse response)
            throws IOException {
        export.write(null, TaskStatus.OPEN, true, format, locale, response);
    }

    @PostMapping("/{id}/take")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processTaking(@PathVariable long id, Authentication caller, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("taken", tasks.take(id, caller.getName()));
        } catch (NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (Refusal e) {
            redirect.addFlashAttribute("refusal", problemMessages.text(e));
        }
        return "redirect:/tasks/pool";
    }

    @PostMapping("/{id}/complete")
    String processCompletion(@PathVariable long id, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "/tasks") String back,
            Authentication caller, RedirectAttributes redirect) {
        TaskStatus closing = Arrays.stream(TaskStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
        try {
            Task task = tasks.complete(id, closing, outcome, caller.getName());
            redirect.addFlashAttribute("completed", task);
        } catch (NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (Refusal e) {
            redirect.addFlashAttribute("refusal", problemMessages.text(e));
        }
        return "redirect:" + (back.startsWith("/tasks") ? back : "/tasks");
    }

    private static TaskStatus status(String status) {
        return Arrays.stream(TaskStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
    }

    private String page(List<Task> found, View view, TaskStatus chosen, Model model) {
        Map<CustomerId, CustomerRef> refs = customers.refs(found.stream().map(Task::customerId).filter(Objects::nonNull).toList());
        LocalDate today = time.today();
        model.addAttribute("rows", found.stream().map(t -> new TaskRow(t, t.customerId() == null ? null : refs.get(t.customerId()),
                t.overdue(today))).toList());
        model.addAttribute("status", chosen == null ? ALL : chosen.name());
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("view", view.name());
        String path = switch (view) {
            case MINE -> "/tasks";
            case ALL -> "/tasks/all";
            case POOL -> "/tasks/pool";
        };
        model.addAttribute("path", path);
        model.addAttribute("back", view == View.POOL ? path : UriComponentsBuilder.fromPath(path)
                .queryParam("status", chosen == null ? ALL : chosen.name()).toUriString());
        model.addAttribute("exportUrl", model.getAttribute("back"));
        model.addAttribute("zone", time.zone().getId());
        return "task/list";
    }
}
