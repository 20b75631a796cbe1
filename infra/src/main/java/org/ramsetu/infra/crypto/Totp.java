package org.ramsetu.infra.crypto;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA-1, 30-second steps, 6 digits,
 * the parameters every authenticator app uses by default. Secrets travel as Base32 (RFC 4648) text,
 * the form authenticator apps accept.
 */
public final class Totp {

    /** RFC 4226 asks for at least 128 bits and recommends 160. */
    public static final int SECRET_BYTES = 20;

    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;

    private static final Base32 BASE32 = new Base32();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    /** A new random secret as Base32 text without padding. */
    public static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return encode(secret);
    }

    /**
     * @return the secret's bytes when {@code text} is Base32 (case, spaces and padding ignored)
     *     holding at least 128 bits; empty otherwise
     */
    public static java.util.Optional<byte[]> decodeSecret(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        String normalised = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        if (normalised.isEmpty() || !normalised.matches("[A-Z2-7]+")) {
            return java.util.Optional.empty();
        }
        byte[] bytes = BASE32.decode(normalised);
        return bytes.length * 8 >= 128 ? java.util.Optional.of(bytes) : java.util.Optional.empty();
    }

    /** The time step {@code at} falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of {@code step}, zero-padded to {@link #DIGITS} digits. */
    public static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS);
    }

    static String code(byte[] secret, long step, int digits) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
        // RFC 4226 §5.3, dynamic truncation.
        int offset = hash[hash.length - 1] & 0x0f;
        int binary =
                ((hash[offset] & 0x7f) << 24)
                        | ((hash[offset + 1] & 0xff) << 16)
                        | ((hash[offset + 2] & 0xff) << 8)
                        | (hash[offset + 3] & 0xff);
        int modulus = (int) Math.pow(10, digits);
        return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
    }

    /**
     * The step whose code {@code code} is, looking at the step of {@code now} and {@code
     * driftSteps} on either side (clocks of phones drift; RFC 6238 §5.2 suggests one step back).
     * Compared in constant time.
     */
    public static OptionalLong matchingStep(
            byte[] secret, String code, Instant now, int driftSteps) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long current = step(now);
        long found = Long.MIN_VALUE;
        for (long step = current - driftSteps; step <= current + driftSteps; step++) {
            // Every candidate is computed and compared, so timing says nothing about which matched.
            if (MessageDigest.isEqual(
                    code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                found = step;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /**
     * The {@code otpauth://} address an authenticator app reads (as a QR code or pasted), in the
     * Key Uri Format the apps share.
     */
    public static String enrolmentUri(String issuer, String accountName, String base32Secret) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/"
                + label
                + "?secret="
                + base32Secret
                + "&issuer="
                + encode(issuer)
                + "&algorithm=SHA1&digits="
                + DIGITS
                + "&period="
                + STEP_SECONDS;
    }

    private static String encode(byte[] secret) {
        return BASE32.encodeAsString(secret).replace("=", "");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
