package com.tierdesk.ticket.web;

import com.tierdesk.security.ConsoleAccess;
import com.tierdesk.security.Role;
import com.tierdesk.sla.TicketType;
import com.tierdesk.ticket.IntakeChannel;
import com.tierdesk.ticket.QueueCount;
import com.tierdesk.ticket.SlaRisk;
import com.tierdesk.ticket.TicketStatus;
import com.tierdesk.ticket.TicketView;
import com.tierdesk.ticket.TicketViewDraft;
import com.tierdesk.ticket.TicketViews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ticket-views")
@Tag(name = "Ticket views", description = "Saved filters and orders of the open tickets, personal or shared with a team")
class TicketViewApiController {

    private final TicketViews views;

    TicketViewApiController(TicketViews views) {
        this.views = views;
    }

    /** A view with how many open tickets it lists for the caller, up to 1,000 ({@code more} beyond). */
    record ViewResponse(TicketView view, QueueCount count) {
    }

    @GetMapping
    @Operation(summary = "List the caller's views", description = "Their own views and those shared with their "
            + "teams, by name, each with its count of open tickets as the caller sees them.")
    List<ViewResponse> list(Authentication caller) {
        List<TicketView> visible = views.visible(caller.getName());
        Map<Long, QueueCount> counts = views.counts(visible, caller.getName(), supervisor(caller));
        return visible.stream().map(view -> new ViewResponse(view, counts.get(view.id()))).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a view", description = "404 for a view the caller does not see.")
    ViewResponse get(@PathVariable long id, Authentication caller) {
        TicketView view = views.get(id, caller.getName());
        return new ViewResponse(view, views.counts(List.of(view), caller.getName(), supervisor(caller)).get(id));
    }

    /**
     * @param team       one of the caller's teams to share the view with; left out, the view is the caller's alone
     * @param unassigned true for the unassigned tickets (then no assignee)
     * @param sort       DUE (the ticket due first first, the default) or DUE_LAST
     */
    record ViewRequest(String name, String team, String assignee, boolean unassigned, String tier, TicketType type,
                       TicketStatus status, IntakeChannel channel, SlaRisk risk, TicketView.Sort sort) {
    }

    @PostMapping
    @Operation(summary = "Save a view", description = "name required (at most 100 characters); team must be one of "
            + "the caller's; status one of the open statuses; assignee and unassigned exclude each other (422).")
    ResponseEntity<TicketView> create(@RequestBody ViewRequest body, Authentication caller) {
        TicketView view = views.create(new TicketViewDraft(body.name(), body.team(), body.assignee(),
                body.unassigned(), body.tier(), body.type(), body.status(), body.channel(), body.risk(), body.sort()),
                caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/ticket-views/" + view.id())).body(view);
    }

    record RenameRequest(String name) {
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename a view", description = "Its owner, or a supervisor for a shared view (403 "
            + "otherwise).")
    TicketView rename(@PathVariable long id, @RequestBody RenameRequest body, Authentication caller) {
        return views.rename(id, body.name(), caller.getName(), supervisor(caller));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a view", description = "Its owner, or a supervisor for a shared view (403 "
            + "otherwise).")
    ResponseEntity<Void> delete(@PathVariable long id, Authentication caller) {
        views.delete(id, caller.getName(), supervisor(caller));
        return ResponseEntity.noContent().build();
    }

    private static boolean supervisor(Authentication caller) {
        return ConsoleAccess.role(caller).map(role -> role.includes(Role.SUPERVISOR)).orElse(false);
    }
}
