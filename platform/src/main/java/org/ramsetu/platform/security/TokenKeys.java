package org.ramsetu.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.ramsetu.infra.settings.RamsetuSettings;

/**
 * Keys derived from {@code RAMSETU_JWT_SECRET}, one per purpose (HMAC-SHA-256 of a label), so the
 * access-token key, the service-token key and the one-time-code pepper never share bytes.
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
    private static final String ACCESS = "ramsetu access tokens v1";
    private static final String SERVICE = "ramsetu service tokens v1";

    private final String signingKeyId;
    private final Map<String, SecretKey> accessTokenKeys;
    private final Map<String, SecretKey> serviceTokenKeys;
    private final SecretKey codeKey;

    public TokenKeys(String secret) {
        this(secret, List.of());
    }

    /** The keys of {@code RAMSETU_JWT_SECRET} and {@code RAMSETU_JWT_ACCEPTED_SECRETS}, if set. */
    public static Optional<TokenKeys> of(RamsetuSettings settings) {
        return settings.jwtSecret()
                .map(
                        secret ->
                                new TokenKeys(
                                        secret.value(),
                                        settings.jwtAcceptedSecrets().stream()
                                                .map(RamsetuSettings.Secret::value)
                                                .toList()));
    }

    /**
     * @param secret signs access tokens (and verifies them)
     * @param accepted earlier or next secrets that only verify
     */
    public TokenKeys(String secret, List<String> accepted) {
        byte[] master = master(secret);
        Map<String, SecretKey> access = new LinkedHashMap<>();
        Map<String, SecretKey> service = new LinkedHashMap<>();
        this.signingKeyId = keyId(master);
        access.put(signingKeyId, derive(master, ACCESS));
        service.put(signingKeyId, derive(master, SERVICE));
        for (String other : accepted) {
            byte[] otherMaster = master(other);
            access.putIfAbsent(keyId(otherMaster), derive(otherMaster, ACCESS));
            service.putIfAbsent(keyId(otherMaster), derive(otherMaster, SERVICE));
        }
        this.accessTokenKeys = Map.copyOf(access);
        this.serviceTokenKeys = Map.copyOf(service);
        this.codeKey = derive(master, "ramsetu one-time codes v1");
    }

    /** HS256 key that signs access tokens. */
    public SecretKey accessTokenKey() {
        return accessTokenKeys.get(signingKeyId);
    }

    /**
     * HS256 key that signs service tokens (one target calling another): a key of its own, so a
     * service token is no access token and the other way round, whatever their claims say.
     */
    public SecretKey serviceTokenKey() {
        return serviceTokenKeys.get(signingKeyId);
    }

    /** The {@code kid} of the signing keys. */
    public String signingKeyId() {
        return signingKeyId;
    }

    /** Every key an access token may be signed with, by {@code kid}, the signing key first. */
    public List<Map.Entry<String, SecretKey>> verificationKeys() {
        return ordered(accessTokenKeys);
    }

    /** Every key a service token may be signed with, by {@code kid}, the signing key first. */
    public List<Map.Entry<String, SecretKey>> serviceVerificationKeys() {
        return ordered(serviceTokenKeys);
    }

    private List<Map.Entry<String, SecretKey>> ordered(Map<String, SecretKey> keys) {
        List<Map.Entry<String, SecretKey>> list = new ArrayList<>();
        list.add(Map.entry(signingKeyId, keys.get(signingKeyId)));
        keys.entrySet().stream()
                .filter(e -> !e.getKey().equals(signingKeyId))
                .sorted(Map.Entry.comparingByKey())
                .forEach(list::add);
        return list;
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
