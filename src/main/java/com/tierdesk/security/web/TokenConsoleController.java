package com.tierdesk.security.web;

import com.tierdesk.security.ApiToken;
import com.tierdesk.security.ApiTokens;
import com.tierdesk.security.IssuedToken;
import com.tierdesk.security.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' page for API tokens: list, issue (the plaintext is shown once), revoke. */
@Controller
@RequestMapping("/admin/tokens")
class TokenConsoleController {

    private static final String VIEW = "security/tokens";

    private final ApiTokens tokens;
    private final ZoneId zone;

    TokenConsoleController(ApiTokens tokens, @Value("${tierdesk.zone:Asia/Shanghai}") ZoneId zone) {
        this.tokens = tokens;
        this.zone = zone;
    }

    @GetMapping
    String initTokensPage(Model model) {
        return page(model);
    }

    /**
     * Renders the answer directly instead of redirecting, so the plaintext never sits in the session as a
     * flash attribute; reloading the page asks before posting again.
     */
    @PostMapping
    String processIssueForm(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
                            Authentication caller, Model model) {
        Instant expiresAt = expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(zone).toInstant();
        var problems = TokenRequestProblems.of(name, role, expiresAt, Instant.now());
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("name", name);
            return page(model);
        }
        IssuedToken issued = tokens.issue(name, TokenRequestProblems.parseRole(role).orElseThrow(), caller.getName(), expiresAt);
        model.addAttribute("issued", issued);
        return page(model);
    }

    @PostMapping("/{id}/revoke")
    String processRevoke(@PathVariable long id, Authentication caller, RedirectAttributes redirect) {
        tokens.revoke(id, caller.getName())
                .ifPresentOrElse(token -> redirect.addFlashAttribute("revoked", token.prefix()),
                        () -> redirect.addFlashAttribute("notFound", id));
        return "redirect:/admin/tokens";
    }

    private String page(Model model) {
        Instant now = Instant.now();
        model.addAttribute("tokens", tokens.list().stream().map(token -> TokenRow.of(token, now, zone)).toList());
        model.addAttribute("roles", Role.values());
        return VIEW;
    }

    record TokenRow(long id, String prefix, String name, Role role, String createdBy, ZonedDateTime createdAt,
                    ZonedDateTime expiresAt, ZonedDateTime lastUsedAt, ApiToken.Status status) {

        static TokenRow of(ApiToken token, Instant now, ZoneId zone) {
            return new TokenRow(token.id(), token.prefix(), token.name(), token.role(), token.createdBy(),
                    at(token.createdAt(), zone), at(token.expiresAt(), zone), at(token.lastUsedAt(), zone), token.statusAt(now));
        }

        private static ZonedDateTime at(Instant instant, ZoneId zone) {
            return instant == null ? null : instant.atZone(zone);
        }
    }
}
