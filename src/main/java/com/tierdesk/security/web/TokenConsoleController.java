package com.tierdesk.security.web;

import com.tierdesk.security.AccountKind;
import com.tierdesk.security.ApiToken;
import com.tierdesk.security.ApiTokens;
import com.tierdesk.security.IssuedToken;
import com.tierdesk.security.NewToken;
import com.tierdesk.security.Role;
import com.tierdesk.security.TokenScope;
import com.tierdesk.security.UserAccount;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.ProblemMessages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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

/**
 * The administrators' page for API tokens and the service accounts they act as: list, issue (the plaintext is
 * shown once), revoke; service accounts are created and disabled by {@link ServiceAccountConsoleController}.
 */
@Controller
@RequestMapping("/admin/tokens")
class TokenConsoleController {

    private static final String VIEW = "security/tokens";

    private final ApiTokens tokens;
    private final UserAccounts accounts;
    private final BusinessTime time;
    private final ProblemMessages problemMessages;

    TokenConsoleController(ApiTokens tokens, UserAccounts accounts, BusinessTime time,
            ProblemMessages problemMessages) {
        this.problemMessages = problemMessages;
        this.tokens = tokens;
        this.accounts = accounts;
        this.time = time;
    }

    @GetMapping
    String initTokensPage(Model model) {
        return page(model);
    }

    /**
     * Renders the answer directly instead of redirecting, so the plaintext never sits in the session as a
     * flash attribute; reloading the page asks before posting again. A metrics token takes no role.
     */
    @PostMapping
    String processIssueForm(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String account,
                            @RequestParam(defaultValue = "API") String scope, @RequestParam(defaultValue = "") String role,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
                            Authentication caller, Model model) {
        Optional<TokenScope> tokenScope = parse(TokenScope.class, scope);
        Optional<Role> tokenRole = parse(Role.class, role);
        List<FieldProblem> problems = new ArrayList<>();
        if (tokenScope.isEmpty()) {
            problems.add(FieldProblem.of("scope", "problem.one-of", Arrays.toString(TokenScope.values())));
        }
        if (tokenScope.orElse(null) == TokenScope.API && tokenRole.isEmpty()) {
            problems.add(FieldProblem.of("role", "problem.one-of", Arrays.toString(Role.values())));
        }
        Instant expiresAt = expiresOn == null ? null : time.startOf(expiresOn.plusDays(1));
        if (problems.isEmpty()) {
            try {
                IssuedToken issued = tokens.issue(new NewToken(account, name, tokenScope.get(),
                        tokenScope.get() == TokenScope.METRICS ? null : tokenRole.get(), expiresAt), caller.getName());
                model.addAttribute("issued", issued);
                return page(model);
            } catch (InvalidInput e) {
                problems.addAll(e.problems());
            }
        }
        model.addAttribute("problems", problemMessages.show(problems));
        model.addAttribute("name", name);
        model.addAttribute("account", account);
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
        Instant now = time.now();
        List<UserAccount> all = accounts.list();
        model.addAttribute("tokens", tokens.list().stream().map(token -> TokenRow.of(token, now, time)).toList());
        model.addAttribute("accounts", all.stream().filter(UserAccount::enabled).toList());
        model.addAttribute("serviceAccounts", all.stream().filter(account -> account.kind() == AccountKind.SERVICE).toList());
        model.addAttribute("roles", Role.values());
        model.addAttribute("scopes", TokenScope.values());
        return VIEW;
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst();
    }

    record TokenRow(long id, String prefix, String name, String account, TokenScope scope, Role role, String createdBy,
                    ZonedDateTime createdAt, ZonedDateTime expiresAt, ZonedDateTime lastUsedAt, ApiToken.Status status) {

        static TokenRow of(ApiToken token, Instant now, BusinessTime time) {
            return new TokenRow(token.id(), token.prefix(), token.name(), token.account(), token.scope(), token.role(),
                    token.createdBy(), at(token.createdAt(), time), at(token.expiresAt(), time), at(token.lastUsedAt(), time),
                    token.statusAt(now));
        }

        private static ZonedDateTime at(Instant instant, BusinessTime time) {
            return instant == null ? null : time.local(instant);
        }
    }
}
