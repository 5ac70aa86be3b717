package com.tierdesk.customer.web;

import com.tierdesk.customer.CodeLabel;
import com.tierdesk.customer.CustomerLabels;
import com.tierdesk.customer.LabelKind;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.Label;
import com.tierdesk.shared.ProblemMessages;
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

/** The labels of industry and tag codes: everyone reads them, supervisors and administrators set and remove them. */
@Controller
@RequestMapping("/customer-labels")
@PreAuthorize("isAuthenticated()")
class CustomerLabelConsoleController {

    private static final String VIEW = "customer/labels";

    private final CustomerLabels labels;
    private final ProblemMessages problemMessages;

    CustomerLabelConsoleController(CustomerLabels labels, ProblemMessages problemMessages) {
        this.labels = labels;
        this.problemMessages = problemMessages;
    }

    /** The form as entered: the kind as the paths name it (industries, tags), the code and both labels. */
    record LabelForm(String kind, String code, String zh, String en) {
    }

    /** The table; {@code kind} and {@code code} put that label in the form to change it. */
    @GetMapping
    String initLabelForm(@RequestParam(defaultValue = "industries") String kind, @RequestParam(defaultValue = "") String code,
            Model model) {
        LabelForm form = labels.list().stream()
                .filter(label -> label.code().equals(code) && label.kind() == LabelKindPath.read(kind))
                .findFirst().map(label -> new LabelForm(kind, label.code(), label.label().zh(), label.label().en()))
                .orElse(new LabelForm(kind, code, "", ""));
        return page(form, model);
    }

    @PostMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processLabelForm(@ModelAttribute("form") LabelForm form, Authentication caller, Model model,
            RedirectAttributes redirect) {
        try {
            CodeLabel saved = labels.set(LabelKindPath.read(form.kind()), form.code(), new Label(form.zh(), form.en()),
                    caller.getName());
            redirect.addFlashAttribute("saved", saved.code());
            return "redirect:/customer-labels";
        } catch (InvalidInput e) {
            model.addAttribute("problems", problemMessages.show(e.problems()));
            return page(form, model);
        }
    }

    @PostMapping("/delete")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String processRemoval(@RequestParam String kind, @RequestParam String code, RedirectAttributes redirect) {
        labels.clear(LabelKindPath.read(kind), code);
        redirect.addFlashAttribute("removed", code);
        return "redirect:/customer-labels";
    }

    private String page(LabelForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("industries", labels.list().stream().filter(label -> label.kind() == LabelKind.INDUSTRY).toList());
        model.addAttribute("tags", labels.list().stream().filter(label -> label.kind() == LabelKind.TAG).toList());
        return VIEW;
    }
}
