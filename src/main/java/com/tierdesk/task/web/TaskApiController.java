package com.tierdesk.task.web;

import com.tierdesk.shared.ExportFormat;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.task.Task;
import com.tierdesk.task.TaskStatus;
import com.tierdesk.task.Tasks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tasks")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Tasks", description = "Who must do what by when: churn warnings and, later, callbacks and visits")
class TaskApiController {

    private final Tasks tasks;

    private final TaskExport export;

    TaskApiController(Tasks tasks, TaskExport export) {
        this.export = export;
        this.tasks = tasks;
    }

    record Completion(TaskStatus status, String outcome) {
    }

    @GetMapping
    @Operation(summary = "Tasks, earliest due first", description = "mine=true for the caller's own; otherwise by owner "
            + "(every owner when empty) and status (every status when empty). A task without an owner is in the "
            + "supervisors' pool.")
    List<Task> list(@RequestParam(required = false) String owner, @RequestParam(required = false) TaskStatus status,
            @RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "100") int limit,
            Authentication caller) {
        return tasks.list(mine ? caller.getName() : owner, status, Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping(params = "format")
    @Operation(summary = "Export tasks", description = "format=csv or format=xlsx: every task the list's filters "
            + "(mine, owner, status) match, without its limit, earliest due first, as a download named "
            + "tasks-<date>.csv or .xlsx; headers in the caller's language (Accept-Language).")
    void export(@RequestParam(required = false) String owner, @RequestParam(required = false) TaskStatus status,
            @RequestParam(defaultValue = "false") boolean mine, @RequestParam ExportFormat format,
            Authentication caller, HttpServletRequest request, HttpServletResponse response) throws IOException {
        export.write(mine ? caller.getName() : owner, status, false, format, ProblemMessages.apiLocale(request),
                response);
    }

    @GetMapping("/pool")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "The supervisors' pool: open tasks without an owner (such as churn warnings for customers "
            + "without an account manager), earliest due first")
    List<Task> pool(@RequestParam(defaultValue = "100") int limit) {
        return tasks.pool(Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping("/{id}")
    Task get(@PathVariable long id) {
        return tasks.get(id);
    }

    @PostMapping("/{id}/take")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Take an open task from the pool: the caller owns it from now on (409 when somebody owns it)")
    Task take(@PathVariable long id, Authentication caller) {
        return tasks.take(id, caller.getName());
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Close an open task as DONE or CANCELLED, with what came of it")
    Task complete(@PathVariable long id, @RequestBody Completion completion, Authentication caller) {
        return tasks.complete(id, completion.status(), completion.outcome(), caller.getName());
    }
}
