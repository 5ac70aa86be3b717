package com.tierdesk.security.web;

import com.tierdesk.security.ApiToken;
import com.tierdesk.security.ApiTokens;
import com.tierdesk.security.IssuedToken;
import com.tierdesk.security.NewToken;
import com.tierdesk.security.Role;
import com.tierdesk.security.TokenScope;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
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
@Tag(name = "Tokens", description = "API tokens; each acts as an account, with a role no higher than the account's")
class ApiTokenController {

    private final ApiTokens tokens;
    private final BusinessTime time;

    ApiTokenController(ApiTokens tokens, BusinessTime time) {
        this.tokens = tokens;
        this.time = time;
    }

    @PostMapping
    @Operation(summary = "Issue a token", description = "The token acts as the account: what it does is recorded under "
            + "the account's name. An API token needs a role the account's role includes (422 otherwise); a METRICS "
            + "token has no role and reads /actuator/prometheus only. The plaintext is in this answer and nowhere else.")
    ResponseEntity<CreatedToken> create(@RequestBody TokenRequest request, Authentication caller) {
        IssuedToken issued = tokens.issue(new NewToken(request.account(), request.name(),
                request.scope() == null ? TokenScope.API : request.scope(), request.role(), request.expiresAt()), caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.token().id()))
                .body(new CreatedToken(view(issued.token()), issued.plaintext()));
    }

    @GetMapping
    List<TokenView> list() {
        return tokens.list().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    TokenView get(@PathVariable long id) {
        return tokens.find(id).map(this::view).orElseThrow(() -> new NotFound("id", "problem.no-token", id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, Authentication caller) {
        tokens.revoke(id, caller.getName()).orElseThrow(() -> new NotFound("id", "problem.no-token", id));
        return ResponseEntity.noContent().build();
    }

    private TokenView view(ApiToken token) {
        return new TokenView(token.id(), token.prefix(), token.name(), token.account(), token.scope(), token.role(),
                token.createdBy(), token.createdAt(), token.expiresAt(), token.revokedAt(), token.lastUsedAt(),
                token.statusAt(time.now()));
    }

    /**
     * @param scope     API (default) or METRICS
     * @param role      an API token's role; none for a metrics token
     * @param expiresAt optional; a token without one works until revoked
     */
    record TokenRequest(String account, String name, TokenScope scope, Role role, Instant expiresAt) {
    }

    record CreatedToken(TokenView token, String plaintext) {
    }

    record TokenView(long id, String prefix, String name, String account, TokenScope scope, Role role, String createdBy,
                     Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt, ApiToken.Status status) {
    }
}
