package com.tierdesk.security.web;

import com.tierdesk.security.ApiToken;
import com.tierdesk.security.ApiTokens;
import com.tierdesk.security.IssuedToken;
import com.tierdesk.security.Role;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API tokens for administrators: the plaintext appears once, in the answer to the create request. */
@RestController
@RequestMapping("/api/v1/tokens")
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    ResponseEntity<CreatedToken> create(@RequestBody TokenRequest request, Authentication caller) {
        var problems = TokenRequestProblems.of(request.name(), request.role(), request.expiresAt(), Instant.now());
        if (!problems.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The token request has invalid fields.");
            problem.setProperty("errors", problems);
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        Role role = TokenRequestProblems.parseRole(request.role()).orElseThrow();
        IssuedToken issued = tokens.issue(request.name(), role, caller.getName(), request.expiresAt());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.token().id()))
                .body(new CreatedToken(TokenView.of(issued.token()), issued.plaintext()));
    }

    @GetMapping
    List<TokenView> list() {
        return tokens.list().stream().map(TokenView::of).toList();
    }

    @GetMapping("/{id}")
    TokenView get(@PathVariable long id) {
        return tokens.find(id).map(TokenView::of).orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, Authentication caller) {
        tokens.revoke(id, caller.getName()).orElseThrow(() -> notFound(id));
        return ResponseEntity.noContent().build();
    }

    private static ErrorResponseException notFound(long id) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No API token with id " + id + "."), null);
    }

    /** @param expiresAt optional; a token without one works until revoked */
    record TokenRequest(String name, String role, Instant expiresAt) {
    }

    record CreatedToken(TokenView token, String plaintext) {
    }

    record TokenView(long id, String prefix, String name, Role role, String createdBy, Instant createdAt,
                     Instant expiresAt, Instant revokedAt, Instant lastUsedAt, ApiToken.Status status) {

        static TokenView of(ApiToken token) {
            return new TokenView(token.id(), token.prefix(), token.name(), token.role(), token.createdBy(), token.createdAt(),
                    token.expiresAt(), token.revokedAt(), token.lastUsedAt(), token.statusAt(Instant.now()));
        }
    }
}
