package com.tierdesk.ticket.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.sla.ClockStatus;
import com.tierdesk.ticket.ReturnDraft;
import com.tierdesk.ticket.ReturnRequest;
import com.tierdesk.ticket.ReturnStatus;
import com.tierdesk.ticket.Returns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/returns")
@Tag(name = "Returns", description = "Returns and exchanges (RMA): request (a ticket of type return/exchange, whose "
        + "RETURN_DECISION target is the decision's deadline), decision within 24 h, receive, inspect, refund / "
        + "exchange / reject")
class ReturnApiController {

    private final Returns returns;

    ReturnApiController(Returns returns) {
        this.returns = returns;
    }

    /** A step's body: why (rejecting), a note, and the refund's amount (default: what the lines cost). */
    record StepBody(String reason, String note, BigDecimal amount) {
    }

    /**
     * A return as the API shows it: with where its ticket's return-decision target stands now (ON_TRACK, AT_RISK,
     * BREACHED, MET, NOT_APPLICABLE; null for a return made before returns had tickets).
     */
    record ReturnResponse(@JsonUnwrapped ReturnRequest request, ClockStatus decisionStatus) {
    }

    @PostMapping
    @Operation(summary = "Request a return or exchange", description = "Names a paid order's lines and quantities; "
            + "refused (422) outside the return window of the customer's tier, which the reason names. Opens a ticket "
            + "of type return/exchange for the order's customer (ticket in the answer), or, with ticket, is made from "
            + "that return/exchange ticket of the same customer: 409 when it has a return already or its decision is "
            + "no longer owed.")
    ResponseEntity<ReturnResponse> request(@RequestBody ReturnDraft draft, Authentication caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(shown(returns.request(draft, caller.getName())));
    }

    @GetMapping
    @Operation(summary = "The RMA board: returns by status, the earliest decision deadline first")
    List<ReturnResponse> board(@RequestParam(required = false) List<String> status) {
        return returns.board(statuses(status)).stream().map(this::shown).toList();
    }

    @GetMapping("/{id}")
    ReturnResponse get(@PathVariable long id) {
        return shown(returns.get(id));
    }

    @PostMapping("/{id}/approve")
    ReturnResponse approve(@PathVariable long id, Authentication caller) {
        return shown(returns.approve(id, caller.getName()));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject a request, or the goods after inspection; the reason is required")
    ReturnResponse reject(@PathVariable long id, @RequestBody StepBody body, Authentication caller) {
        return shown(returns.reject(id, body.reason(), caller.getName()));
    }

    @PostMapping("/{id}/receive")
    ReturnResponse receive(@PathVariable long id, Authentication caller) {
        return shown(returns.receive(id, caller.getName()));
    }

    @PostMapping("/{id}/inspect")
    ReturnResponse inspect(@PathVariable long id, @RequestBody(required = false) StepBody body, Authentication caller) {
        return shown(returns.inspect(id, body == null ? null : body.note(), caller.getName()));
    }

    @PostMapping("/{id}/refund")
    @Operation(summary = "Refund an inspected return through the customer module (never more than paid)")
    ReturnResponse refund(@PathVariable long id, @RequestBody(required = false) StepBody body, Authentication caller) {
        return shown(returns.refund(id, body == null ? null : body.amount(), body == null ? null : body.note(),
                caller.getName()));
    }

    @PostMapping("/{id}/exchange")
    ReturnResponse exchange(@PathVariable long id, @RequestBody(required = false) StepBody body, Authentication caller) {
        return shown(returns.exchange(id, body == null ? null : body.note(), caller.getName()));
    }

    private ReturnResponse shown(ReturnRequest request) {
        return new ReturnResponse(request, request.decisionStatus(returns.now()));
    }

    private static List<ReturnStatus> statuses(List<String> names) {
        var statuses = new ArrayList<ReturnStatus>();
        for (String name : names == null ? List.<String>of() : names) {
            try {
                statuses.add(ReturnStatus.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.of("status", "problem.one-of", List.of(ReturnStatus.values()).toString());
            }
        }
        return statuses;
    }
}
