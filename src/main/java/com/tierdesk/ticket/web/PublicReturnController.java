package com.tierdesk.ticket.web;

import com.tierdesk.customer.OrderLine;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Refusal;
import com.tierdesk.ticket.PublicReturns;
import com.tierdesk.ticket.ReturnDraft;
import com.tierdesk.ticket.ReturnKind;
import com.tierdesk.ticket.ReturnRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customers' own returns page, open without signing in: order number and contact, then the emailed code, then
 * the lines, quantities and reason. Every answer reads the same whether the order exists or not.
 */
@Controller
@RequestMapping("/returns/new")
class PublicReturnController {

    private static final String VIEW = "ticket/public-return";

    private final PublicReturns publicReturns;
    private final ProblemMessages problemMessages;

    PublicReturnController(PublicReturns publicReturns, ProblemMessages problemMessages) {
        this.publicReturns = publicReturns;
        this.problemMessages = problemMessages;
    }

    @GetMapping
    String initContactForm(Model model) {
        model.addAttribute("step", "contact");
        return VIEW;
    }

    @PostMapping("/code")
    String processContactForm(@RequestParam(defaultValue = "") String order, @RequestParam(defaultValue = "") String contact,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        boolean taken = publicReturns.sendCode(order, contact, request.getRemoteAddr(), language(locale));
        if (!taken) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("step", "contact");
            model.addAttribute("throttled", true);
            return VIEW;
        }
        model.addAttribute("step", "code");
        model.addAttribute("order", order.strip());
        return VIEW;
    }

    @PostMapping("/verify")
    String processCodeForm(@RequestParam(defaultValue = "") String order, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request, Model model) {
        Optional<List<OrderLine>> lines = publicReturns.verify(order, code, request.getRemoteAddr());
        model.addAttribute("order", order.strip());
        if (lines.isEmpty()) {
            model.addAttribute("step", "code");
            model.addAttribute("wrongCode", true);
            return VIEW;
        }
        model.addAttribute("step", "lines");
        model.addAttribute("code", code.strip());
        model.addAttribute("lines", lines.get());
        return VIEW;
    }

    @PostMapping("/request")
    String processReturnForm(@RequestParam(defaultValue = "") String order, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "RETURN") ReturnKind kind, @RequestParam(defaultValue = "") String reason,
            @RequestParam Map<String, String> form, HttpServletRequest request, Locale locale, Model model) {
        List<ReturnDraft.LineDraft> lines = new ArrayList<>();
        form.forEach((name, value) -> {
            if (name.startsWith("quantity-") && !value.isBlank()) {
                lines.add(new ReturnDraft.LineDraft(Integer.valueOf(name.substring("quantity-".length())),
                        parseQuantity(value)));
            }
        });
        lines.removeIf(line -> line.quantity() != null && line.quantity() == 0);
        model.addAttribute("order", order.strip());
        try {
            Optional<ReturnRequest> created = publicReturns.request(order, code, request.getRemoteAddr(),
                    new ReturnDraft(order, kind, reason, lines, null, language(locale).getLanguage()));
            if (created.isEmpty()) {
                model.addAttribute("step", "code");
                model.addAttribute("wrongCode", true);
                return VIEW;
            }
            model.addAttribute("step", "done");
            model.addAttribute("rma", created.get());
            return VIEW;
        } catch (Refusal refusal) {
            model.addAttribute("step", "lines");
            model.addAttribute("code", code.strip());
            model.addAttribute("lines", publicReturns.verify(order, code, request.getRemoteAddr()).orElse(List.of()));
            model.addAttribute("problems", problemMessages.show(refusal.problems()));
            return VIEW;
        }
    }

    private static Integer parseQuantity(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Locale language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}
