package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.ramsetu.infra.crypto.AuthenticatorApp;
import org.ramsetu.infra.crypto.Totp;
import org.ramsetu.platform.accounts.CoordinatorAccounts;

/** Signs people up the way they would: sign-up, code from the mail folder, verification. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Map<String, String> AUTHENTICATORS =
            new ConcurrentHashMap<>(
                    Map.of(
                            PlatformInstance.COORDINATOR_EMAIL,
                            PlatformInstance.COORDINATOR_TOTP_SECRET));

    private Accounts() {}

    /** A signed-in person: their client (with token), id, e-mail and refresh token. */
    public record SignedIn(ApiClient client, UUID id, String email, String refreshToken) {}

    public static String newEmail(String who) {
        return who
                + "-"
                + NEXT.incrementAndGet()
                + "-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "@example.org";
    }

    /** The body of a sign-up with the test password. */
    public static Map<String, String> signUpBody(String role, String email, String fullName) {
        return Map.of("email", email, "password", PASSWORD, "role", role, "fullName", fullName);
    }

    public static SignedIn donor() {
        return signUp("DONOR", newEmail("donor"));
    }

    public static SignedIn patient() {
        return signUp("PATIENT", newEmail("patient"));
    }

    public static SignedIn signUp(String role, String email) {
        ApiClient client = PlatformInstance.client();
        int mailsBefore = PlatformInstance.mail().mailsTo(email, 0).size();
        var signup =
                client.post(
                        "/api/v1/auth/signup",
                        signUpBody(role, email, "Test " + role.toLowerCase()));
        assertThat(signup.status()).as(signup.toString()).isEqualTo(202);
        String code = PlatformInstance.mail().code(email, mailsBefore + 1);
        var verified =
                client.post(
                        "/api/v1/auth/verify", Map.of("email", email, "role", role, "code", code));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return signedIn(client, verified);
    }

    /**
     * A coordinator of its own (created as {@code ramsetu admin create} does), so that the per-user
     * API limit of one test's coordinator does not spill into another's.
     */
    public static SignedIn coordinator() {
        return coordinator(false);
    }

    /** A coordinator of its own who also administers the registry of transplant centres. */
    public static SignedIn administrator() {
        return coordinator(true);
    }

    private static SignedIn coordinator(boolean administrator) {
        String email = newEmail(administrator ? "administrator" : "coordinator");
        String secret = Totp.newSecret();
        PlatformInstance.get()
                .context()
                .getBean(CoordinatorAccounts.class)
                .create(
                        email,
                        "Test Coordinator",
                        PASSWORD,
                        "test",
                        Optional.of(secret),
                        administrator);
        AUTHENTICATORS.put(email, secret);
        return logIn(email, PASSWORD);
    }

    /** The authenticator secret of a coordinator made here (or the bootstrap coordinator). */
    public static String authenticatorSecret(String email) {
        String secret = AUTHENTICATORS.get(email);
        assertThat(secret).as("authenticator of " + email).isNotNull();
        return secret;
    }

    /** Confirms a password reset with the mailed {@code code}, choosing {@code newPassword}. */
    public static ApiClient.Response confirmPasswordReset(
            ApiClient client, String email, String code, String newPassword) {
        return client.post(
                "/api/v1/auth/password-reset/confirm",
                Map.of("email", email, "code", code, "newPassword", newPassword));
    }

    /** A fresh access token of {@code who}, from a login of its own (another session). */
    public static String newAccessToken(SignedIn who) {
        return logIn(who.email(), PASSWORD).client().token();
    }

    /** Signs in with the password and, for a coordinator, the authenticator's current code. */
    public static SignedIn logIn(String email, String password) {
        ApiClient client = PlatformInstance.client();
        var login = client.post("/api/v1/auth/login", Map.of("email", email, "password", password));
        if (login.status() == 202) {
            login =
                    client.post(
                            "/api/v1/auth/second-factor",
                            Map.of(
                                    "challenge",
                                    login.text("challenge"),
                                    "code",
                                    AuthenticatorApp.nextCode(authenticatorSecret(email))));
        }
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return signedIn(client, login);
    }

    /**
     * A coordinator of its own, created as {@code ramsetu admin create} would: tests that act as
     * coordinators do not share one account's rate limit, and each can find its own audit rows.
     */
    private static SignedIn signedIn(ApiClient client, ApiClient.Response tokens) {
        var json = tokens.json();
        return new SignedIn(
                client.withToken(json.path("accessToken").asString()),
                UUID.fromString(json.path("user").path("id").asString()),
                json.path("user").path("email").asString(),
                json.path("refreshToken").asString());
    }
}
