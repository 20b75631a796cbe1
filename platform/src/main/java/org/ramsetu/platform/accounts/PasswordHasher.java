package org.ramsetu.platform.accounts;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes (salted, memory-hard) with OWASP's recommended minimum parameters: 19
 * MiB of memory, 2 iterations, 1 lane. The parameters travel inside each hash, so raising them
 * later keeps old hashes readable.
 */
public final class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int PARALLELISM = 1;
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder encoder =
            new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
    // Checked against when no account matches, so an unknown e-mail costs as long as a wrong
    // password and response times do not reveal which addresses have accounts.
    private final String decoy = encoder.encode("decoy password that matches nothing");

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the time of one check without an account. */
    public void spendOneCheck(String password) {
        encoder.matches(password, decoy);
    }
}
