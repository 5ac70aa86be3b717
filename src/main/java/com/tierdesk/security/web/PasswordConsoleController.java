package com.tierdesk.security.web;

import com.tierdesk.security.UserAccounts;
import com.tierdesk.security.internal.ConsoleUser;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where a signed-in person changes their password, and where a person with a one-time password from an administrator
 * is held until they chose their own. Once changed, the session is renewed and the console open to them again.
 */
@Controller
@RequestMapping("/password")
class PasswordConsoleController {

    private static final String PAGE = "security/password";

    private final UserAccounts accounts;
    private final ProblemMessages problemMessages;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    PasswordConsoleController(UserAccounts accounts, ProblemMessages problemMessages) {
        this.accounts = accounts;
        this.problemMessages = problemMessages;
    }

    @GetMapping
    String initPasswordForm(Authentication caller, Model model) {
        model.addAttribute("required", required(caller));
        return PAGE;
    }

    @PostMapping
    String processPasswordForm(@RequestParam(defaultValue = "") String currentPassword,
                               @RequestParam(defaultValue = "") String newPassword,
                               @RequestParam(defaultValue = "") String confirmation, Authentication caller,
                               HttpServletRequest request, HttpServletResponse response, Model model,
                               RedirectAttributes redirect) {
        try {
            accounts.changePassword(caller.getName(), currentPassword, newPassword, confirmation);
        } catch (Refusal e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", problemMessages.show(e.problems()));
            model.addAttribute("required", required(caller));
            return PAGE;
        }
        if (caller.getPrincipal() instanceof ConsoleUser person) {
            renew(person.withPasswordChosen(), request, response);
        }
        redirect.addFlashAttribute("changed", true);
        return "redirect:/password";
    }

    /** A new session for the person as they are now, so that the old session's id is worth nothing. */
    private void renew(ConsoleUser person, HttpServletRequest request, HttpServletResponse response) {
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }

    private static boolean required(Authentication caller) {
        return caller.getPrincipal() instanceof ConsoleUser person && person.isPasswordChangeRequired();
    }
}
