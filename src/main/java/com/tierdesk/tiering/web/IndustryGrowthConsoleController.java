package com.tierdesk.tiering.web;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.tiering.IndustryGrowth;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The industry growth table the industry-growth metric reads; supervisors add, change and remove rates. */
@Controller
@RequestMapping("/tiering/industry-growth")
@PreAuthorize("isAuthenticated()")
class IndustryGrowthConsoleController {

    private static final String VIEW = "tiering/industry-growth";

    private final IndustryGrowth growth;
    private final BusinessTime time;
    private final ProblemMessages problemMessages;

    IndustryGrowthConsoleController(IndustryGrowth growth, BusinessTime time, ProblemMessages problemMessages) {
        this.problemMessages = problemMessages;
        this.growth = growth;
        this.time = time;
    }

    /** The form as entered; the percentage stays text until it is read. */
    record RateForm(String industry, String year, String growthPercent, String source) {
    }

    /** The table; {@code industry} and {@code year} put that rate in the form to change it. */
    @GetMapping
    String initRateForm(@RequestParam(defaultValue = "") String industry, @RequestParam(required = false) Integer year,
            Model model) {
        RateForm form = growth.rates().stream().filter(r -> r.industry().equals(industry) && year != null && r.year() == year)
                .findFirst().map(r -> new RateForm(r.industry(), Integer.toString(r.year()),
                        r.growthPercent().stripTrailingZeros().toPlainString(), r.source()))
                .orElse(new RateForm(industry, Integer.toString(year == null ? time.today().getYear() : year), "", ""));
        return page(form, model);
    }

    @PostMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processRateForm(@ModelAttribute("form") RateForm form, Authentication caller, Model model,
            RedirectAttributes redirect) {
        List<FieldProblem> problems = new ArrayList<>();
        Integer year = number("year", form.year(), problems, Integer::valueOf);
        BigDecimal percent = number("growthPercent", form.growthPercent(), problems, BigDecimal::new);
        try {
            if (problems.isEmpty()) {
                growth.put(form.industry(), year, percent, OverrideConsoleController.blankToNull(form.source()),
                        caller.getName());
                redirect.addFlashAttribute("saved", form.industry().strip() + " " + year);
                return "redirect:/tiering/industry-growth";
            }
        } catch (InvalidInput e) {
            problems.addAll(e.problems());
        }
        model.addAttribute("problems", problemMessages.show(problems));
        return page(form, model);
    }

    @PostMapping("/delete")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processRemoval(@RequestParam String industry, @RequestParam int year, RedirectAttributes redirect) {
        growth.remove(industry, year);
        redirect.addFlashAttribute("removed", industry + " " + year);
        return "redirect:/tiering/industry-growth";
    }

    private String page(RateForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("rates", growth.rates());
        return VIEW;
    }

    private static <T> T number(String field, String text, List<FieldProblem> problems, Function<String, T> reading) {
        try {
            return reading.apply(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(field, "problem.not-a-number", ApiProblems.echo(text == null ? "" : text.strip())));
            return null;
        }
    }
}
