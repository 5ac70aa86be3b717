package com.tierdesk.task.web;

import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.Refusal;
import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.CustomerRef;
import com.tierdesk.customer.Customers;
import com.tierdesk.task.Task;
import com.tierdesk.task.TaskStatus;
import com.tierdesk.task.Tasks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
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

/** The task list: one's own tasks (supervisors: everybody's) by status, each open one closed with an outcome. */
@Controller
@RequestMapping("/tasks")
@PreAuthorize("isAuthenticated()")
class TaskConsoleController {

    static final int LIMIT = 200;
    static final String ALL = "ALL";

    private final Tasks tasks;
    private final Customers customers;
    private final Clock clock;
    private final ZoneId zone;

    TaskConsoleController(Tasks tasks, Customers customers, Clock clock,
            @Value("${tierdesk.zone:Asia/Shanghai}") ZoneId zone) {
        this.tasks = tasks;
        this.customers = customers;
        this.clock = clock;
        this.zone = zone;
    }

    /** A task with the customer it is about, for the table. */
    record TaskRow(Task task, CustomerRef customer, boolean overdue) {
    }

    @GetMapping
    String mine(@RequestParam(defaultValue = "OPEN") String status, Authentication caller, Model model) {
        return page(caller.getName(), status, false, model);
    }

    @GetMapping("/all")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String everybodys(@RequestParam(defaultValue = "OPEN") String status, Model model) {
        return page(null, status, true, model);
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
            redirect.addFlashAttribute("refusal", e.getMessage());
        }
        return "redirect:" + (back.startsWith("/tasks") ? back : "/tasks");
    }

    private String page(String owner, String status, boolean everybody, Model model) {
        TaskStatus chosen = Arrays.stream(TaskStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
        List<Task> found = tasks.list(owner, chosen, LIMIT);
        Map<CustomerId, CustomerRef> refs = customers.refs(found.stream().map(Task::customerId).filter(Objects::nonNull).toList());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        model.addAttribute("rows", found.stream().map(t -> new TaskRow(t, t.customerId() == null ? null : refs.get(t.customerId()),
                t.overdue(today))).toList());
        model.addAttribute("status", chosen == null ? ALL : chosen.name());
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("everybody", everybody);
        model.addAttribute("back", UriComponentsBuilder.fromPath(everybody ? "/tasks/all" : "/tasks")
                .queryParam("status", chosen == null ? ALL : chosen.name()).toUriString());
        model.addAttribute("zone", zone.getId());
        return "task/list";
    }
}
