package com.tierdesk.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The plaintext form of an API token, {@code tdk_<prefix>_<secret>}: a 12-character public prefix that
 * finds the token and a 43-character secret of which only the SHA-256 digest is stored. Both parts are
 * URL-safe base64, so they may contain {@code _} and {@code -}; the prefix is cut by its fixed length.
 */
record TokenSecret(String prefix, String secret) {

    static final String SCHEME = "tdk_";
    static final int PREFIX_LENGTH = 12;
    private static final int PREFIX_BYTES = 9;
    private static final int SECRET_BYTES = 32;
    private static final int MIN_SECRET_LENGTH = 32;
    private static final Pattern BASE64URL_TEXT = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    static TokenSecret generate(SecureRandom random) {
        return new TokenSecret(randomText(random, PREFIX_BYTES), randomText(random, SECRET_BYTES));
    }

    static Optional<TokenSecret> parse(String plaintext) {
        int secretStart = SCHEME.length() + PREFIX_LENGTH + 1;
        if (plaintext == null || !plaintext.startsWith(SCHEME) || plaintext.length() < secretStart + MIN_SECRET_LENGTH
                || plaintext.charAt(secretStart - 1) != '_') {
            return Optional.empty();
        }
        String prefix = plaintext.substring(SCHEME.length(), secretStart - 1);
        String secret = plaintext.substring(secretStart);
        if (!BASE64URL_TEXT.matcher(prefix).matches() || !BASE64URL_TEXT.matcher(secret).matches()) {
            return Optional.empty();
        }
        return Optional.of(new TokenSecret(prefix, secret));
    }

    String plaintext() {
        return SCHEME + prefix + "_" + secret;
    }

    /** Hex SHA-256 of the secret: a fast digest suffices because the secret has 256 random bits. */
    String digest() {
        return HexFormat.of().formatHex(sha256().digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** Compares in time independent of where the digests differ. */
    boolean matches(String storedDigest) {
        return MessageDigest.isEqual(digest().getBytes(StandardCharsets.US_ASCII), storedDigest.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "TokenSecret[prefix=" + prefix + ", secret=<hidden>]";
    }

    private static String randomText(SecureRandom random, int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return BASE64URL.encodeToString(buffer);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
