package com.tierdesk.security;

/** A freshly issued token: {@code plaintext} is shown to the caller once and is not stored anywhere. */
public record IssuedToken(ApiToken token, String plaintext) {

    @Override
    public String toString() {
        return "IssuedToken[token=" + token + ", plaintext=<hidden>]";
    }
}
