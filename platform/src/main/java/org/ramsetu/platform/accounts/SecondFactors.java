package org.ramsetu.platform.accounts;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.ramsetu.infra.crypto.Sha256;
import org.ramsetu.infra.crypto.Totp;
import org.ramsetu.platform.audit.AuditActions;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.kernel.TooManyAttempts;
import org.ramsetu.platform.kernel.Unauthenticated;
import org.ramsetu.platform.security.AccessTokens;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.security.RequestLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Coordinators' second factor: a TOTP authenticator (RFC 6238) enrolled at the first sign-in, and
 * ten single-use recovery codes for a lost one. A coordinator's sign-in is the password, then a
 * code ({@link #complete}); sensitive actions later ask for a code again ({@link #stepUp}). Codes
 * are rate-limited per account and every attempt is audited.
 */
public class SecondFactors {

    static final int RECOVERY_CODES = 10;
    private static final int RECOVERY_CODE_LENGTH = 10;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String ISSUER = "RamSetu";
    static final int FAILURES_PER_LOCK = 5;
    private static final Duration FIRST_LOCK = Duration.ofMinutes(15);
    private static final Duration LONGEST_LOCK = Duration.ofDays(1);
    // One step either side: a phone's clock a little off still signs in (RFC 6238 §5.2).
    private static final int DRIFT_STEPS = 1;
    private static final String WRONG_CODE =
            "the code is wrong, expired or used already; enter the current code of your"
                    + " authenticator app, or one of your recovery codes";
    private static final String NO_CHALLENGE =
            "the sign-in step is unknown or has expired; log in again with your password";

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final SessionTokens tokens;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final RequestLimits limits;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration challengeLifetime;
    private final SecureRandom random = new SecureRandom();

    public SecondFactors(
            JdbcClient jdbc,
            AccountRepository accounts,
            SessionTokens tokens,
            AccessTokens accessTokens,
            RefreshTokens refreshTokens,
            RequestLimits limits,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock,
            Duration challengeLifetime) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tokens = tokens;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.limits = limits;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.challengeLifetime = challengeLifetime;
    }

    /**
     * What the password step answers a coordinator.
     *
     * @param challenge the proof of the right password that the second step presents
     * @param expiresIn seconds the challenge stays valid
     * @param enrolment the authenticator to set up, while the account has no confirmed one
     */
    public record Challenge(String challenge, long expiresIn, Optional<Enrolment> enrolment) {
        @Override
        public String toString() {
            return "Challenge[enrolment=" + enrolment.isPresent() + "]";
        }
    }

    /**
     * @param secret Base32, to type into an authenticator app
     * @param uri the same as an {@code otpauth://} address, for a QR code
     */
    public record Enrolment(String secret, String uri) {
        @Override
        public String toString() {
            return "Enrolment[…]";
        }
    }

    /**
     * Called once the password was right. An account without a confirmed authenticator gets one to
     * set up; until its first code is accepted the same one is offered again.
     */
    public Challenge challenge(Account account) {
        Optional<Enrolment> enrolment = Optional.empty();
        Optional<Stored> stored = find(account.id());
        if (stored.isEmpty() || !stored.get().confirmed()) {
            String secret = stored.map(Stored::secret).orElseGet(() -> pending(account.id()));
            enrolment =
                    Optional.of(
                            new Enrolment(
                                    secret, Totp.enrolmentUri(ISSUER, account.email(), secret)));
        }
        return new Challenge(
                accessTokens.issueChallenge(account.id(), account.role(), challengeLifetime),
                challengeLifetime.toSeconds(),
                enrolment);
    }

    /**
     * The second step of a coordinator's sign-in: a code of the authenticator (which confirms it on
     * the first use, and then answers with new recovery codes) or a recovery code.
     *
     * @throws DomainException Unauthenticated for an unknown or expired challenge and for a wrong
     *     or reused code, TooManyAttempts while the factor is locked after wrong codes or beyond
     *     the account's request limit
     */
    public AuthTokens complete(AuthRequests.SecondFactor request) {
        UUID accountId =
                accessTokens
                        .challengedAccount(request.challenge())
                        .orElseThrow(() -> new Unauthenticated(NO_CHALLENGE));
        Account account =
                accounts.find(accountId)
                        .filter(a -> a.role().needsSecondFactor())
                        .orElseThrow(() -> new Unauthenticated(NO_CHALLENGE));
        String code = requiredCode(request.code());
        takeAttempt(account);
        Answer<AuthTokens> answer =
                tx.execute(
                        status -> {
                            Optional<Stored> stored = findForUpdate(account.id());
                            Attempt attempt = attempt(account, stored, code, false);
                            if (!(attempt instanceof Attempt.Accepted accepted)) {
                                return Answer.<AuthTokens>of(attempt);
                            }
                            Instant now = clock.instant();
                            List<String> recoveryCodes = List.of();
                            if (!stored.get().confirmed()) {
                                confirm(account.id(), now);
                                recoveryCodes = newRecoveryCodes(account.id(), now);
                                audited(
                                        account,
                                        AuditActions.SECOND_FACTOR_ENROLLED,
                                        AuditOutcome.SUCCESS,
                                        Map.of());
                            }
                            audited(
                                    account,
                                    AuditActions.LOGIN_SUCCEEDED,
                                    AuditOutcome.SUCCESS,
                                    Map.of("secondFactor", accepted.method().audited));
                            AuthTokens tokens = this.tokens.startSession(account, Optional.of(now));
                            return new Answer<>(
                                    attempt,
                                    recoveryCodes.isEmpty()
                                            ? tokens
                                            : tokens.withRecoveryCodes(recoveryCodes));
                        });
        return answer.orRefuse(account, "sign-in");
    }

    /**
     * A signed-in coordinator gives a code again, for a sensitive action: the login's tokens say
     * from now on that its second factor was checked now.
     *
     * @param session the login of the caller's access token
     * @throws DomainException Unauthenticated for a wrong or reused code or a login signed out,
     *     TooManyAttempts while locked, InvalidInput for accounts without a second factor
     */
    public SessionTokens.AccessToken stepUp(
            CurrentUser caller, UUID session, AuthRequests.StepUp request) {
        Account account = signedInCoordinator(caller);
        String code = requiredCode(request.code());
        takeAttempt(account);
        Answer<SessionTokens.AccessToken> answer =
                tx.execute(
                        status -> {
                            Attempt attempt =
                                    attempt(account, findForUpdate(account.id()), code, true);
                            Instant now = clock.instant();
                            if (!(attempt instanceof Attempt.Accepted accepted)) {
                                return Answer.<SessionTokens.AccessToken>of(attempt);
                            }
                            if (!refreshTokens.secondFactorChecked(account.id(), session, now)) {
                                throw new Unauthenticated("this login has ended; log in again");
                            }
                            audited(
                                    account,
                                    AuditActions.SECOND_FACTOR_STEP_UP,
                                    AuditOutcome.SUCCESS,
                                    Map.of("secondFactor", accepted.method().audited));
                            return new Answer<>(attempt, tokens.accessToken(account, session, now));
                        });
        return answer.orRefuse(account, "step-up");
    }

    /** The caller's account, when it is one that has a second factor. */
    private Account signedInCoordinator(CurrentUser caller) {
        if (!caller.role().needsSecondFactor()) {
            throw InvalidInput.field("code", "only coordinators' accounts have a second factor");
        }
        return accounts.find(caller.id())
                .orElseThrow(() -> new Unauthenticated("the account no longer exists"));
    }

    /**
     * A signed-in coordinator replaces their recovery codes (some used, or the list lost), proving
     * it with the authenticator's current code: the old codes stop working and ten new ones are
     * answered, once.
     *
     * @throws DomainException Unauthenticated for a wrong or reused code, TooManyAttempts while
     *     locked, InvalidInput for accounts without a second factor or a recovery code as proof
     */
    public List<String> newRecoveryCodes(CurrentUser caller, AuthRequests.StepUp request) {
        Account account = signedInCoordinator(caller);
        String code = requiredCode(request.code());
        if (!code.chars().allMatch(Character::isDigit)) {
            // A recovery code must not mint new ones: whoever holds one list could keep it alive.
            throw InvalidInput.field("code", "give the 6-digit code of your authenticator app");
        }
        takeAttempt(account);
        Answer<List<String>> answer =
                tx.execute(
                        status -> {
                            Attempt attempt =
                                    attempt(account, findForUpdate(account.id()), code, true);
                            if (!(attempt instanceof Attempt.Accepted)) {
                                return Answer.<List<String>>of(attempt);
                            }
                            List<String> codes = newRecoveryCodes(account.id(), clock.instant());
                            audited(
                                    account,
                                    AuditActions.RECOVERY_CODES_REPLACED,
                                    AuditOutcome.SUCCESS,
                                    Map.of("codes", codes.size()));
                            return new Answer<>(attempt, codes);
                        });
        return answer.orRefuse(account, "recovery-codes");
    }

    /** What one code led to, decided under the factor's row lock. */
    private sealed interface Attempt {
        record Accepted(Method method) implements Attempt {}

        record Refused() implements Attempt {}

        record Locked(Duration retryAfter) implements Attempt {}
    }

    /** The attempt and, when it was accepted, what the caller gets. */
    private record Answer<T>(Attempt attempt, T value) {
        static <T> Answer<T> of(Attempt refusal) {
            return new Answer<>(refusal, null);
        }

        /**
         * The value, or the refusal audited (the attempt's transaction has committed) and thrown.
         */
        T orRefuse(Account account, String step) {
            if (attempt instanceof Attempt.Accepted) {
                return value;
            }
            throw attempt instanceof Attempt.Locked locked
                    ? new TooManyAttempts(
                            "too many wrong codes; the second factor of this account is locked"
                                    + " for "
                                    + Math.max(1, locked.retryAfter().toMinutes())
                                    + " more minutes",
                            locked.retryAfter())
                    : new Unauthenticated(WRONG_CODE);
        }
    }

    /**
     * Checks a code against the locked row: refused while locked; a wrong code counts towards the
     * next lock, a right one clears the count. Audits refusals and locks (committed with the
     * count).
     */
    private Attempt attempt(
            Account account, Optional<Stored> stored, String code, boolean confirmedOnly) {
        Instant now = clock.instant();
        if (stored.isEmpty() || (confirmedOnly && !stored.get().confirmed())) {
            auditRefusal(account, Map.of("reason", "no second factor"));
            return new Attempt.Refused();
        }
        Stored factor = stored.get();
        if (factor.lockedUntil().filter(now::isBefore).isPresent()) {
            auditRefusal(account, Map.of("reason", "locked"));
            return new Attempt.Locked(Duration.between(now, factor.lockedUntil().get()));
        }
        Optional<Method> method = accept(account.id(), factor, code);
        if (method.isPresent()) {
            if (factor.failedAttempts() > 0) {
                jdbc.sql(
                                "update account_second_factor set failed_attempts = 0,"
                                        + " locked_until = null where account_id = :a")
                        .param("a", account.id())
                        .update();
            }
            return new Attempt.Accepted(method.get());
        }
        int failed = factor.failedAttempts() + 1;
        Optional<Instant> lockedUntil =
                failed % FAILURES_PER_LOCK == 0
                        ? Optional.of(now.plus(lockFor(failed / FAILURES_PER_LOCK)))
                        : Optional.empty();
        jdbc.sql(
                        "update account_second_factor set failed_attempts = :failed, locked_until"
                                + " = :until where account_id = :a")
                .param("failed", failed)
                .param("until", lockedUntil.map(Timestamp::from).orElse(null), Types.TIMESTAMP)
                .param("a", account.id())
                .update();
        auditRefusal(account, Map.of("reason", "wrong code", "failedAttempts", failed));
        lockedUntil.ifPresent(
                until ->
                        audited(
                                account,
                                AuditActions.SECOND_FACTOR_LOCKED_OUT,
                                AuditOutcome.DENIED,
                                Map.of("until", until.toString())));
        return new Attempt.Refused();
    }

    /**
     * 15 minutes after the first five wrong codes, doubling with every five more, at most a day.
     */
    static Duration lockFor(int locks) {
        Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(locks - 1, 10));
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    /** An audit entry by the account about itself. */
    private void audited(
            Account account, String action, AuditOutcome outcome, Map<String, ?> facts) {
        audit.record(AccountAudit.bySelf(action, outcome, account).with(facts));
    }

    private void auditRefusal(Account account, Map<String, ?> facts) {
        audited(account, AuditActions.SECOND_FACTOR_FAILED, AuditOutcome.FAILURE, facts);
    }

    /**
     * A coordinator removes another account's second factor (a lost phone and lost recovery codes)
     * and signs it out everywhere; its next sign-in enrols a new authenticator.
     *
     * @throws DomainException NotFound for an unknown account
     */
    public void reset(CurrentUser coordinator, UUID accountId) {
        tx.executeWithoutResult(
                status -> {
                    Account account =
                            accounts.find(accountId)
                                    .orElseThrow(() -> new NotFound("account", accountId));
                    int removed =
                            jdbc.sql("delete from account_second_factor where account_id = :a")
                                    .param("a", account.id())
                                    .update();
                    jdbc.sql("delete from recovery_code where account_id = :a")
                            .param("a", account.id())
                            .update();
                    int sessions = refreshTokens.revokeAll(account.id());
                    audit.record(
                            AuditEntry.of(AuditActions.SECOND_FACTOR_RESET, AuditOutcome.SUCCESS)
                                    .by(coordinator.id(), coordinator.role())
                                    .on("account", account.id())
                                    .with(
                                            Map.of(
                                                    "hadSecondFactor",
                                                    removed > 0,
                                                    "refreshTokens",
                                                    sessions)));
                });
    }

    /** How many recovery codes of the account are still unused. */
    public int unusedRecoveryCodes(UUID accountId) {
        return jdbc.sql(
                        "select count(*) from recovery_code where account_id = :a and used_at is"
                                + " null")
                .param("a", accountId)
                .query(Integer.class)
                .single();
    }

    private void takeAttempt(Account account) {
        limits.take(
                RequestLimits.SECOND_FACTOR,
                "second-factor:" + account.id(),
                AuditActions.SECOND_FACTOR_LOCKED_OUT,
                Map.of("account", account.id().toString()));
    }

    private static String requiredCode(String code) {
        if (code == null || code.isBlank()) {
            throw InvalidInput.field("code", "is required");
        }
        if (code.length() > 40) {
            throw InvalidInput.field("code", "is a 6-digit code or a recovery code");
        }
        return code.strip();
    }

    private enum Method {
        AUTHENTICATOR("totp"),
        RECOVERY_CODE("recovery-code");

        private final String audited;

        Method(String audited) {
            this.audited = audited;
        }
    }

    /**
     * Accepts a code once: a TOTP step newer than the last one used, or an unused recovery code.
     */
    private Optional<Method> accept(UUID accountId, Stored stored, String code) {
        if (code.chars().allMatch(Character::isDigit)) {
            byte[] secret = Totp.decodeSecret(stored.secret()).orElseThrow();
            OptionalLong step = Totp.matchingStep(secret, code, clock.instant(), DRIFT_STEPS);
            if (step.isEmpty()) {
                return Optional.empty();
            }
            int accepted =
                    jdbc.sql(
                                    """
                                    update account_second_factor set last_used_step = :step
                                    where account_id = :a
                                      and (last_used_step is null or last_used_step < :step)
                                    """)
                            .param("step", step.getAsLong())
                            .param("a", accountId)
                            .update();
            return accepted == 1 ? Optional.of(Method.AUTHENTICATOR) : Optional.empty();
        }
        String normalised = code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (!stored.confirmed() || normalised.length() != RECOVERY_CODE_LENGTH) {
            return Optional.empty();
        }
        int used =
                jdbc.sql(
                                """
                                update recovery_code set used_at = :now
                                where account_id = :a and code_hash = :hash and used_at is null
                                """)
                        .param("now", Timestamp.from(clock.instant()))
                        .param("a", accountId)
                        .param("hash", hash(normalised))
                        .update();
        if (used != 1) {
            return Optional.empty();
        }
        audit.record(
                AuditEntry.of(AuditActions.RECOVERY_CODE_USED, AuditOutcome.SUCCESS)
                        .by(accountId, Role.ADMIN)
                        .on("account", accountId)
                        .with(Map.of("unused", unusedRecoveryCodes(accountId))));
        return Optional.of(Method.RECOVERY_CODE);
    }

    private void confirm(UUID accountId, Instant at) {
        jdbc.sql("update account_second_factor set confirmed_at = :at where account_id = :a")
                .param("at", Timestamp.from(at))
                .param("a", accountId)
                .update();
    }

    /** Replaces the account's recovery codes with new ones, answered as {@code XXXXX-XXXXX}. */
    private List<String> newRecoveryCodes(UUID accountId, Instant now) {
        jdbc.sql("delete from recovery_code where account_id = :a").param("a", accountId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < RECOVERY_CODE_LENGTH; c++) {
                code.append(BASE32.charAt(random.nextInt(BASE32.length())));
            }
            jdbc.sql(
                            "insert into recovery_code (account_id, code_hash, created_at) values"
                                    + " (:a, :hash, :now) on conflict do nothing")
                    .param("a", accountId)
                    .param("hash", hash(code.toString()))
                    .param("now", Timestamp.from(now))
                    .update();
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return codes;
    }

    /** A new authenticator secret waiting for its first code (kept if another request won). */
    private String pending(UUID accountId) {
        jdbc.sql(
                        """
                        insert into account_second_factor (account_id, totp_secret, created_at)
                        values (:a, :secret, :now) on conflict (account_id) do nothing
                        """)
                .param("a", accountId)
                .param("secret", Totp.newSecret())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return find(accountId).orElseThrow().secret();
    }

    private Optional<Stored> find(UUID accountId) {
        return select(accountId, "");
    }

    private Optional<Stored> findForUpdate(UUID accountId) {
        return select(accountId, " for update");
    }

    private Optional<Stored> select(UUID accountId, String lock) {
        return jdbc.sql(
                        "select totp_secret, confirmed_at, failed_attempts, locked_until from"
                                + " account_second_factor where account_id = :a"
                                + lock)
                .param("a", accountId)
                .query(
                        (rs, n) ->
                                new Stored(
                                        rs.getString("totp_secret"),
                                        rs.getTimestamp("confirmed_at") != null,
                                        rs.getInt("failed_attempts"),
                                        Optional.ofNullable(rs.getTimestamp("locked_until"))
                                                .map(Timestamp::toInstant)))
                .optional();
    }

    // The codes carry 50 random bits and are tried against a per-account limit, so a plain
    // SHA-256 is enough; no key that a secret rotation would invalidate.
    private static byte[] hash(String normalisedCode) {
        return Sha256.of(normalisedCode.getBytes(StandardCharsets.US_ASCII));
    }

    private record Stored(
            String secret, boolean confirmed, int failedAttempts, Optional<Instant> lockedUntil) {
        @Override
        public String toString() {
            return "Stored[confirmed=" + confirmed + "]";
        }
    }
}
