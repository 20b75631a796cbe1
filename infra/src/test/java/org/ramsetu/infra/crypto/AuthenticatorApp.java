package org.ramsetu.infra.crypto;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a coordinator's authenticator app does in tests: the current code of a secret. The server
 * takes each time step's code once and accepts one step of drift, so a secret signs in at most
 * twice per 30-second step here; a third sign-in waits for the next step, as a person would.
 */
public final class AuthenticatorApp {

    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private AuthenticatorApp() {}

    /** A code of {@code base32Secret} the server has not seen from this JVM. */
    public static String nextCode(String base32Secret) {
        return nextCode(base32Secret, base32Secret);
    }

    /**
     * A code of {@code base32Secret} that {@code account} has not sent from this JVM, for accounts
     * that share one secret (the server remembers the last step per account).
     */
    public static synchronized String nextCode(String account, String base32Secret) {
        byte[] secret = Totp.decodeSecret(base32Secret).orElseThrow();
        while (true) {
            long now = Totp.step(Instant.now());
            long step = Math.max(now, LAST_STEP.getOrDefault(account, Long.MIN_VALUE) + 1);
            if (step <= now + 1) {
                LAST_STEP.put(account, step);
                return Totp.code(secret, step);
            }
            long untilNextStep = (now + 1) * Totp.STEP_SECONDS * 1000 - System.currentTimeMillis();
            try {
                Thread.sleep(Math.max(50, untilNextStep + 50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
