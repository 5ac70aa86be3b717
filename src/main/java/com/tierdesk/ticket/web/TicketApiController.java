package com.tierdesk.ticket.web;

import com.tierdesk.customer.PageSpec;
import com.tierdesk.customer.Paged;
import com.tierdesk.security.ConsoleAccess;
import com.tierdesk.security.Role;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.ExportFormat;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.IfMatch;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.TicketType;
import com.tierdesk.ticket.BulkAction;
import com.tierdesk.ticket.BulkActions;
import com.tierdesk.ticket.BulkResult;
import com.tierdesk.ticket.ComplaintStage;
import com.tierdesk.ticket.Complaints;
import com.tierdesk.ticket.Follower;
import com.tierdesk.ticket.FollowerDraft;
import com.tierdesk.ticket.MessageDraft;
import com.tierdesk.ticket.MessageKind;
import com.tierdesk.ticket.Ticket;
import com.tierdesk.ticket.TicketChange;
import com.tierdesk.ticket.TicketDetail;
import com.tierdesk.ticket.TicketDraft;
import com.tierdesk.ticket.TicketId;
import com.tierdesk.ticket.TicketSearch;
import com.tierdesk.ticket.TicketStatus;
import com.tierdesk.ticket.Tickets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets", description = "Service requests: intake, conversation, status, timeline and SLA targets")
class TicketApiController {

    private static final String VERSION_DOC = "the version read, as its ETag (or the body's version field); "
            + "409 with currentVersion if the ticket changed since";

    private final Tickets tickets;
    private final BulkActions bulk;
    private final Complaints complaints;
    private final ProblemMessages messages;
    private final TicketExport export;

    TicketApiController(Tickets tickets, BulkActions bulk, Complaints complaints, ProblemMessages messages,
            TicketExport export) {
        this.export = export;
        this.tickets = tickets;
        this.bulk = bulk;
        this.complaints = complaints;
        this.messages = messages;
    }

    @PostMapping
    @Operation(summary = "Take a ticket in", description = "The customer by code (422 if unknown); type, priority "
            + "and channel are required. The SLA policy version and the customer's tier are fixed now. With an "
            + "Idempotency-Key, the same key and body again return the same ticket (200 instead of 201), the same key "
            + "with another body is refused (422). The ETag is the ticket's version.")
    ResponseEntity<TicketResponse> create(@RequestBody TicketDraft draft,
            @Parameter(description = "a key unique to this request, at most 200 characters")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication caller, HttpServletRequest request) {
        Tickets.Intake intake = tickets.create(draft, idempotencyKey, caller.getName());
        Ticket ticket = intake.ticket().ticket();
        return ResponseEntity.status(intake.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/tickets/" + ticket.id().value()))
                .eTag(etag(ticket)).body(response(intake.ticket(), request));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a ticket", description = "With its messages, SLA targets (due, achieved, paused, "
            + "status) and timeline; the ETag is its version")
    ResponseEntity<TicketResponse> get(@PathVariable long id, HttpServletRequest request) {
        TicketDetail detail = tickets.get(TicketId.of(id));
        return ResponseEntity.ok().eTag(etag(detail.ticket())).body(response(detail, request));
    }

    @GetMapping
    @Operation(summary = "List tickets", description = "Every filter optional: status, customer (code), assignee, "
            + "tier, type, priority. Ordered by the earliest running SLA target's due instant, tickets with none "
            + "running last. Pages count from 0.")
    Paged<Ticket> list(@RequestParam(required = false) TicketStatus status,
            @RequestParam(required = false) String customer, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String tier, @RequestParam(required = false) TicketType type,
            @RequestParam(required = false) Priority priority, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return tickets.list(new TicketSearch(status, customer, assignee, tier, type, priority, new PageSpec(page, size)));
    }

    @GetMapping(params = "format")
    @Operation(summary = "Export tickets", description = "format=csv or format=xlsx: every ticket the list's filters "
            + "match, all pages (page and size are ignored), in the list's order, as a download named "
            + "tickets-<date>.csv or .xlsx; headers in the caller's language (Accept-Language).")
    void export(@RequestParam(required = false) TicketStatus status,
            @RequestParam(required = false) String customer, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String tier, @RequestParam(required = false) TicketType type,
            @RequestParam(required = false) Priority priority, @RequestParam ExportFormat format,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        export.list(new TicketSearch(status, customer, assignee, tier, type, priority,
                PageSpec.first(PageSpec.DEFAULT_SIZE)), format,
                ProblemMessages.apiLocale(request), response);
    }

    /** @param version the version read, when no If-Match header gives it */
    record MessageRequest(MessageKind kind, String body, Long version) {
    }

    @PostMapping("/{id}/messages")
    @Operation(summary = "Add a message", description = "kind PUBLIC_REPLY (an agent's reply: opens a new ticket, "
            + "meets the first response), INTERNAL_NOTE or CUSTOMER_MESSAGE (resumes a ticket pending on the "
            + "customer, reopens a solved one). An agent's reply or note to a closed ticket gets 409; a customer "
            + "message to one opens a follow-up ticket linked to it: 201 with the follow-up.")
    ResponseEntity<TicketResponse> addMessage(@PathVariable long id, @RequestBody MessageRequest body,
            @Parameter(description = VERSION_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication caller, HttpServletRequest request) {
        Tickets.MessageAdded added = tickets.addMessage(TicketId.of(id), version(ifMatch, body.version()),
                new MessageDraft(body.kind(), body.body()), caller.getName());
        if (added.followUp() != null) {
            Ticket followUp = added.followUp().ticket();
            return ResponseEntity.created(URI.create("/api/v1/tickets/" + followUp.id().value()))
                    .eTag(etag(followUp)).body(response(added.followUp(), request));
        }
        return ResponseEntity.ok().eTag(etag(added.ticket().ticket())).body(response(added.ticket(), request));
    }

    record StatusRequest(TicketStatus status, Long version) {
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Change a ticket's status", description = "NEW only at intake; SOLVED is reopened "
            + "(REOPENED) or CLOSED, nothing else; only SOLVED is reopened or closed; CLOSED is final. A refused move "
            + "gets 409 with the reason. Pending statuses pause the targets that pause.")
    ResponseEntity<TicketResponse> changeStatus(@PathVariable long id, @RequestBody StatusRequest body,
            @Parameter(description = VERSION_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication caller, HttpServletRequest request) {
        TicketDetail detail = tickets.changeStatus(TicketId.of(id), version(ifMatch, body.version()), body.status(),
                caller.getName());
        return ResponseEntity.ok().eTag(etag(detail.ticket())).body(response(detail, request));
    }

    record ChangeRequest(Priority priority, TicketType type, List<String> tags, Long version) {
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a ticket's priority, type or tags", description = "A field left out stays; tags "
            + "replace the ticket's tags. The SLA targets are recomputed for the new type and priority.")
    ResponseEntity<TicketResponse> change(@PathVariable long id, @RequestBody ChangeRequest body,
            @Parameter(description = VERSION_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication caller, HttpServletRequest request) {
        TicketDetail detail = tickets.change(TicketId.of(id), version(ifMatch, body.version()),
                new TicketChange(body.priority(), body.type(), body.tags()), caller.getName());
        return ResponseEntity.ok().eTag(etag(detail.ticket())).body(response(detail, request));
    }

    /** @param assignee an account name; blank or left out hands the ticket back to the unassigned queue */
    record AssigneeRequest(String assignee, Long version) {
    }

    @PostMapping("/{id}/assignee")
    @Operation(summary = "Reassign a ticket", description = "Supervisors only (403 for other roles): hands the "
            + "ticket to the account named by assignee (at most 100 characters, 422 otherwise), or to nobody when it "
            + "is blank or left out, so that it waits in the unassigned queue. The timeline records who reassigned it "
            + "to whom; the same assignee again changes nothing. A closed ticket is not reassigned (409).")
    ResponseEntity<TicketResponse> reassign(@PathVariable long id, @RequestBody AssigneeRequest body,
            @Parameter(description = VERSION_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication caller, HttpServletRequest request) {
        TicketDetail detail = tickets.reassign(TicketId.of(id), version(ifMatch, body.version()), body.assignee(),
                caller.getName());
        return ResponseEntity.ok().eTag(etag(detail.ticket())).body(response(detail, request));
    }

    /** @param version the version read, unless If-Match gives it */
    record VersionRequest(Long version) {
    }

    @PostMapping("/{id}/assignment")
    @Operation(summary = "Assign a ticket automatically", description = "Supervisors only (403 for other roles): "
            + "the assignment rules pick who takes the ticket now (a VIP's dedicated account manager, else senior "
            + "support; other tiers the least-loaded available agent with the skill, under the daily cap), each "
            + "reason on the timeline. When nobody fits, the ticket waits in the unassigned queue and the "
            + "supervisors get a task. A closed ticket is not assigned (409).")
    ResponseEntity<TicketResponse> assignAutomatically(@PathVariable long id,
            @RequestBody(required = false) VersionRequest body,
            @Parameter(description = VERSION_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication caller, HttpServletRequest request) {
        TicketDetail detail = tickets.assignAutomatically(TicketId.of(id),
                version(ifMatch, body == null ? null : body.version()), caller.getName());
        return ResponseEntity.ok().eTag(etag(detail.ticket())).body(response(detail, request));
    }

    /** @param stage RECORD, CAUSE, SOLUTION or FOLLOW_UP, in that order */
    record StageRequest(ComplaintStage stage, String body, Long version) {
    }

    @PostMapping("/{id}/complaint/stages")
    @Operation(summary = "Record a complaint's stage", description = "A complaint's flow: record, cause, solution, "
            + "follow-up, in that order and each once (409 otherwise, or for another type of ticket or a closed "
            + "one), with its text (required, at most 10,000 characters); on the timeline with who and when.")
    ResponseEntity<TicketResponse> recordStage(@PathVariable long id, @RequestBody StageRequest body,
            @Parameter(description = VERSION_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication caller, HttpServletRequest request) {
        TicketDetail detail = complaints.recordStage(TicketId.of(id), version(ifMatch, body.version()), body.stage(),
                body.body(), caller.getName());
        return ResponseEntity.ok().eTag(etag(detail.ticket())).body(response(detail, request));
    }

    @PostMapping("/{id}/complaint/complex")
    @Operation(summary = "Flag a complaint as complex", description = "A complex complaint gets a callback task "
            + "(回访) for the customer's account manager, else its last assignee, once it closes.")
    ResponseEntity<TicketResponse> flagComplex(@PathVariable long id,
            @RequestBody(required = false) VersionRequest body,
            @Parameter(description = VERSION_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication caller, HttpServletRequest request) {
        TicketDetail detail = complaints.flagComplex(TicketId.of(id),
                version(ifMatch, body == null ? null : body.version()), caller.getName());
        return ResponseEntity.ok().eTag(etag(detail.ticket())).body(response(detail, request));
    }

    @PostMapping("/{id}/complaint/escalation")
    @Operation(summary = "Escalate a complaint to a specialist", description = "The least-loaded available member "
            + "of the complaints team under their daily cap takes the ticket; the complaint becomes complex. 409 when "
            + "no specialist is available, when it was escalated already, or for another type of ticket.")
    ResponseEntity<TicketResponse> escalate(@PathVariable long id, @RequestBody(required = false) VersionRequest body,
            @Parameter(description = VERSION_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication caller, HttpServletRequest request) {
        TicketDetail detail = complaints.escalate(TicketId.of(id),
                version(ifMatch, body == null ? null : body.version()), caller.getName());
        return ResponseEntity.ok().eTag(etag(detail.ticket())).body(response(detail, request));
    }

    @GetMapping("/{id}/followers")
    @Operation(summary = "List a ticket's followers", description = "The addresses copied (Cc) on the agents' public "
            + "replies by email besides the requester, in the order they were added: from the CC of the customer's "
            + "mail (source MAIL_CC) or by an agent (source ACCOUNT, addedBy the account).")
    List<Follower> followers(@PathVariable long id) {
        return tickets.followers(TicketId.of(id));
    }

    /** @param name the name shown beside the address, optional */
    record FollowerRequest(String email, String name) {
    }

    @PostMapping("/{id}/followers")
    @Operation(summary = "Add a follower", description = "email required and a valid address (422 otherwise; 422 "
            + "too for the requester's own address, who gets every reply anyway), name at most 100 characters. An "
            + "address that follows the ticket already, whatever its case, changes nothing: 200 with it instead of "
            + "201. A closed ticket gets 409. Recorded on the timeline; needs no version, as it changes no field of "
            + "the ticket.")
    ResponseEntity<Follower> addFollower(@PathVariable long id, @RequestBody FollowerRequest body,
            Authentication caller) {
        Tickets.FollowerAdded added = tickets.addFollower(TicketId.of(id), new FollowerDraft(body.email(), body.name()),
                caller.getName());
        return ResponseEntity.status(added.added() ? HttpStatus.CREATED : HttpStatus.OK).body(added.follower());
    }

    @DeleteMapping("/{id}/followers/{email}")
    @Operation(summary = "Remove a follower", description = "The address in any case; 404 when it does not follow "
            + "the ticket, 409 for a closed ticket. Recorded on the timeline.")
    ResponseEntity<Void> removeFollower(@PathVariable long id, @PathVariable String email, Authentication caller) {
        tickets.removeFollower(TicketId.of(id), email, caller.getName());
        return ResponseEntity.noContent().build();
    }

    /**
     * @param tickets  the ids of the tickets to change, 1 to 500
     * @param action   ASSIGN (with assignee), STATUS (with status), PRIORITY (with priority) or TAGS (with tags to add)
     */
    record BulkRequest(List<Long> tickets, BulkAction.Kind action, String assignee, TicketStatus status,
                       Priority priority, List<String> tags) {
    }

    /** A ticket a bulk action left as it was, with the reason in the reader's language. */
    record BulkRefusal(long ticket, String code, String reason) {
    }

    record BulkResponse(List<Long> applied, List<Long> unchanged, List<BulkRefusal> refused) {
    }

    @PostMapping("/bulk")
    @Operation(summary = "Change a selection of tickets", description = "Each ticket is changed on its own, at the "
            + "version it has then, with its timeline saying it was a bulk action. A ticket a rule keeps from the "
            + "change (a forbidden status move, a closed ticket, a ticket another person holds) is refused with its "
            + "reason and the others are changed. 422 for an empty selection, more than 500 tickets or an incomplete "
            + "action; 403 when someone other than a supervisor assigns tickets to anyone but themselves.")
    BulkResponse bulk(@RequestBody BulkRequest body, Authentication caller, HttpServletRequest request) {
        BulkResult result = bulk.apply(body.tickets(), new BulkAction(body.action(), body.assignee(), body.status(),
                body.priority(), body.tags()), caller.getName(), supervisor(caller));
        Locale locale = ProblemMessages.apiLocale(request);
        return new BulkResponse(result.applied().stream().map(TicketId::value).toList(),
                result.unchanged().stream().map(TicketId::value).toList(),
                result.refused().stream().map(refused -> new BulkRefusal(refused.ticket().value(),
                        refused.reason().code(), messages.text(refused.reason().reason(), locale))).toList());
    }

    /**
     * @param target        the id of the ticket to merge this one into
     * @param targetVersion the target's version read
     * @param version       this ticket's version read, unless If-Match gives it
     */
    record MergeRequest(Long target, Long targetVersion, Long version) {
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "Merge a duplicate ticket into another", description = "This ticket's messages (with their "
            + "times and authors, marked mergedFrom), followers and tags go to the target, of the same customer "
            + "(422 otherwise), and this one is closed with a link to it. The target keeps the SLA targets of the "
            + "older of the two. Both versions are checked (409 with currentVersion on a stale one); solved or "
            + "closed tickets are not merged (409). Answers the target.")
    ResponseEntity<TicketResponse> merge(@PathVariable long id, @RequestBody MergeRequest body,
            @Parameter(description = VERSION_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication caller, HttpServletRequest request) {
        if (body.target() != null && body.targetVersion() == null) {
            throw InvalidInput.of("targetVersion", "problem.required");
        }
        TicketDetail detail = tickets.merge(TicketId.of(id), version(ifMatch, body.version()),
                body.target() == null ? null : TicketId.of(body.target()),
                body.targetVersion() == null ? 0 : body.targetVersion(), caller.getName());
        return ResponseEntity.ok().eTag(etag(detail.ticket())).body(response(detail, request));
    }

    private static boolean supervisor(Authentication caller) {
        return ConsoleAccess.role(caller).map(role -> role.includes(Role.SUPERVISOR)).orElse(false);
    }

    /** A stale version's 409 carries the ticket's current version, so the caller can read it again and retry. */
    @ExceptionHandler
    ProblemDetail conflict(Conflict e, HttpServletRequest request) {
        ProblemDetail problem = messages.detail(ApiProblems.of(e), ProblemMessages.apiLocale(request));
        FieldProblem first = e.problems().get(0);
        if (first.code().equals(Tickets.STALE_VERSION)) {
            problem.setProperty("currentVersion", Long.parseLong((String) first.reason().arguments().get(1)));
        }
        return problem;
    }

    private TicketResponse response(TicketDetail detail, HttpServletRequest request) {
        return TicketResponse.of(detail, messages, ProblemMessages.apiLocale(request));
    }

    private static String etag(Ticket ticket) {
        return "\"" + ticket.version() + "\"";
    }

    /** The version from If-Match ({@code "3"}, {@code W/"3"}), else from the body; one of them is required. */
    private static long version(String ifMatch, Long bodyVersion) {
        return IfMatch.version(ifMatch, bodyVersion, "problem.ticket.version-required", "problem.ticket.if-match");
    }
}
