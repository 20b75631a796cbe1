package org.ramsetu.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys derived from {@code RAMSETU_JWT_SECRET}, one per purpose (HMAC-SHA-256 of a label), so the
 * access-token key and the one-time-code pepper never share bytes. Rotating the secret invalidates
 * access tokens (clients refresh; refresh tokens are opaque and unaffected) and codes not yet used.
 */
public final class TokenKeys {

    private static final String HMAC = "HmacSHA256";

    private final SecretKey accessTokenKey;
    private final SecretKey codeKey;

    public TokenKeys(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException(
                    "the signing secret must have at least 32 characters");
        }
        byte[] master = secret.getBytes(StandardCharsets.UTF_8);
        this.accessTokenKey = derive(master, "ramsetu access tokens v1");
        this.codeKey = derive(master, "ramsetu one-time codes v1");
    }

    /** HS256 key for access tokens. */
    public SecretKey accessTokenKey() {
        return accessTokenKey;
    }

    /** Keyed hash of a one-time code: a 6-digit code's plain hash could be reversed in a second. */
    public byte[] codeHash(String message) {
        return hmac(codeKey, message.getBytes(StandardCharsets.UTF_8));
    }

    private static SecretKey derive(byte[] master, String label) {
        return new SecretKeySpec(
                hmac(new SecretKeySpec(master, HMAC), label.getBytes(StandardCharsets.UTF_8)),
                HMAC);
    }

    private static byte[] hmac(SecretKey key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }
}
