package com.tierdesk.ticket.web;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Refusal;
import com.tierdesk.ticket.ReturnRequest;
import com.tierdesk.ticket.ReturnStatus;
import com.tierdesk.ticket.Returns;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The RMA board (returns by status, the earliest decision deadline first) and a return's page with its steps. */
@Controller
@RequestMapping("/returns")
@PreAuthorize("isAuthenticated()")
class ReturnConsoleController {

    private final Returns returns;
    private final ProblemMessages problemMessages;
    private final String zone;

    ReturnConsoleController(Returns returns, ProblemMessages problemMessages, BusinessTime time) {
        this.returns = returns;
        this.problemMessages = problemMessages;
        this.zone = time.zone().getId();
    }

    @GetMapping
    String showBoard(Model model) {
        Map<ReturnStatus, List<ReturnRequest>> board = new LinkedHashMap<>();
        for (ReturnStatus status : ReturnStatus.values()) {
            board.put(status, new ArrayList<>());
        }
        returns.board(List.of()).forEach(r -> board.get(r.status()).add(r));
        model.addAttribute("board", board);
        model.addAttribute("now", returns.now());
        model.addAttribute("zone", zone);
        return "ticket/returns";
    }

    @GetMapping("/{id}")
    String showReturn(@PathVariable long id, Model model) {
        model.addAttribute("rma", returns.get(id));
        model.addAttribute("now", returns.now());
        model.addAttribute("zone", zone);
        return "ticket/return";
    }

    @PostMapping("/{id}/{step}")
    String processStep(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note, @RequestParam(required = false) String amount,
            Authentication caller, RedirectAttributes redirect) {
        String by = caller.getName();
        Supplier<ReturnRequest> action = switch (step) {
            case "approve" -> () -> returns.approve(id, by);
            case "reject" -> () -> returns.reject(id, reason, by);
            case "receive" -> () -> returns.receive(id, by);
            case "inspect" -> () -> returns.inspect(id, note, by);
            case "refund" -> () -> returns.refund(id, amount == null || amount.isBlank() ? null : parse(amount), note, by);
            case "exchange" -> () -> returns.exchange(id, note, by);
            default -> null;
        };
        if (action == null) {
            return "redirect:/returns/" + id;
        }
        try {
            action.get();
            redirect.addFlashAttribute("moved", true);
        } catch (Refusal refusal) {
            redirect.addFlashAttribute("problems", problemMessages.show(refusal.problems()));
        }
        return "redirect:/returns/" + id;
    }

    private static BigDecimal parse(String amount) {
        try {
            return new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("amount", "problem.not-decimal", ApiProblems.echo(amount));
        }
    }
}
