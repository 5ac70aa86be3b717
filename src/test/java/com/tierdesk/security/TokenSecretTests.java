package com.tierdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class TokenSecretTests {

    @RepeatedTest(20)
    void plaintextParsesBackEvenWhenThePrefixContainsUnderscores() {
        TokenSecret secret = TokenSecret.generate(new SecureRandom());

        assertThat(secret.plaintext()).matches("tdk_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}");
        assertThat(TokenSecret.parse(secret.plaintext())).contains(secret);
    }

    @Test
    void matchesOnlyTheDigestOfItsOwnSecret() {
        TokenSecret secret = TokenSecret.generate(new SecureRandom());
        TokenSecret other = TokenSecret.generate(new SecureRandom());

        assertThat(secret.digest()).hasSize(64).matches("[0-9a-f]+");
        assertThat(secret.matches(secret.digest())).isTrue();
        assertThat(secret.matches(other.digest())).isFalse();
    }

    @Test
    void rejectsTextThatIsNotATokenOrHasAShortSecret() {
        assertThat(TokenSecret.parse(null)).isEmpty();
        assertThat(TokenSecret.parse("")).isEmpty();
        assertThat(TokenSecret.parse("Bearer abc")).isEmpty();
        assertThat(TokenSecret.parse("tdk_abcdefghijkl_short")).isEmpty();
        assertThat(TokenSecret.parse("tdk_abcdefghijkl-" + "x".repeat(43))).isEmpty();
    }

    @Test
    void neverPrintsTheSecret() {
        TokenSecret secret = TokenSecret.generate(new SecureRandom());

        assertThat(secret.toString()).doesNotContain(secret.secret());
    }
}
