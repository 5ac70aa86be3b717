package com.tierdesk.task.web;

import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.task.Task;
import com.tierdesk.task.TaskStatus;
import com.tierdesk.task.Tasks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

    TaskApiController(Tasks tasks) {
        this.tasks = tasks;
    }

    record Completion(TaskStatus status, String outcome) {
    }

    @GetMapping
    @Operation(summary = "Tasks, earliest due first", description = "mine=true for the caller's own; otherwise by owner "
            + "(every owner when empty) and status (every status when empty).")
    List<Task> list(@RequestParam(required = false) String owner, @RequestParam(required = false) TaskStatus status,
            @RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "100") int limit,
            Authentication caller) {
        return tasks.list(mine ? caller.getName() : owner, status, Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping("/{id}")
    Task get(@PathVariable long id) {
        return tasks.get(id);
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Close an open task as DONE or CANCELLED, with what came of it")
    Task complete(@PathVariable long id, @RequestBody Completion completion, Authentication caller) {
        return tasks.complete(id, completion.status(), completion.outcome(), caller.getName());
    }
}
