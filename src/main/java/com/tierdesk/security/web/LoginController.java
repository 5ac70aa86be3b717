package com.tierdesk.security.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page; Spring Security itself processes the POST and the logout. After repeated failures the page
 * says how long to wait ({@code ?wait=<seconds>}) or that the account or the address is locked
 * ({@code ?locked=account|address&minutes=<n>}).
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(Authentication authentication, @RequestParam(required = false) String wait,
                 @RequestParam(required = false) String locked, @RequestParam(required = false) String minutes, Model model) {
        boolean signedIn = authentication != null && !(authentication instanceof AnonymousAuthenticationToken);
        if (signedIn) {
            return "redirect:/";
        }
        model.addAttribute("waitSeconds", count(wait));
        if ("account".equals(locked) || "address".equals(locked)) {
            model.addAttribute("locked", locked);
            model.addAttribute("lockedMinutes", count(minutes));
        }
        return "security/login";
    }

    /** A positive count from the query, or null: the page only ever shows a number from it. */
    private static Long count(String value) {
        if (value == null || !value.matches("[0-9]{1,6}")) {
            return null;
        }
        long count = Long.parseLong(value);
        return count > 0 ? count : null;
    }
}
