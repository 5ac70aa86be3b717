package com.tierdesk.tiering.web;

import com.tierdesk.tiering.Benefits;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The tier benefits catalogue, read-only: it is configuration, changed where the application is deployed. */
@Controller
@PreAuthorize("isAuthenticated()")
class BenefitsConsoleController {

    private final Benefits benefits;

    BenefitsConsoleController(Benefits benefits) {
        this.benefits = benefits;
    }

    @GetMapping("/tiering/benefits")
    String showBenefits(Model model) {
        model.addAttribute("catalogue", benefits.catalogue());
        model.addAttribute("standard", benefits.standard());
        return "tiering/benefits";
    }
}
