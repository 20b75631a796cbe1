package org.ramsetu.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys derived from {@code RAMSETU_JWT_SECRET}, one per purpose (HMAC-SHA-256 of a label), so the
 * access-token key and the one-time-code pepper never share bytes.
 *
 * <p>Rotation without signing anyone out: secrets listed in {@code RAMSETU_JWT_ACCEPTED_SECRETS}
 * verify access tokens but sign none. Each key has an id ({@code kid}, derived from the secret, so
 * it reveals nothing) that access tokens carry in their header. The procedure (docs/SECURITY.md
 * §6.1): accept the new secret everywhere, then sign with it and accept the old one, then drop the
 * old one once the last token it signed has expired. One-time codes are peppered with the signing
 * secret only: a code mailed just before the switch must be asked for again.
 */
public final class TokenKeys {

    private static final String HMAC = "HmacSHA256";

    private final String signingKeyId;
    private final Map<String, SecretKey> accessTokenKeys;
    private final SecretKey codeKey;

    public TokenKeys(String secret) {
        this(secret, List.of());
    }

    /**
     * @param secret signs access tokens (and verifies them)
     * @param accepted earlier or next secrets that only verify
     */
    public TokenKeys(String secret, List<String> accepted) {
        byte[] master = master(secret);
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        this.signingKeyId = keyId(master);
        keys.put(signingKeyId, derive(master, "ramsetu access tokens v1"));
        for (String other : accepted) {
            byte[] otherMaster = master(other);
            keys.putIfAbsent(keyId(otherMaster), derive(otherMaster, "ramsetu access tokens v1"));
        }
        this.accessTokenKeys = Map.copyOf(keys);
        this.codeKey = derive(master, "ramsetu one-time codes v1");
    }

    /** HS256 key that signs access tokens. */
    public SecretKey accessTokenKey() {
        return accessTokenKeys.get(signingKeyId);
    }

    /** The {@code kid} of {@link #accessTokenKey()}. */
    public String signingKeyId() {
        return signingKeyId;
    }

    /** Every key an access token may be signed with, by {@code kid}, the signing key first. */
    public List<Map.Entry<String, SecretKey>> verificationKeys() {
        List<Map.Entry<String, SecretKey>> keys = new ArrayList<>();
        keys.add(Map.entry(signingKeyId, accessTokenKey()));
        accessTokenKeys.entrySet().stream()
                .filter(e -> !e.getKey().equals(signingKeyId))
                .sorted(Map.Entry.comparingByKey())
                .forEach(keys::add);
        return keys;
    }

    /** Keyed hash of a one-time code: a 6-digit code's plain hash could be reversed in a second. */
    public byte[] codeHash(String message) {
        return hmac(codeKey, message.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] master(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException(
                    "the signing secret must have at least 32 characters");
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** 12 hex digits of a keyed hash: tells keys apart, reveals nothing of the secret. */
    private static String keyId(byte[] master) {
        byte[] id =
                hmac(
                        new SecretKeySpec(master, HMAC),
                        "ramsetu key id v1".getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(id, 0, 6);
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
