package org.ramsetu.platform.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.web.TextOnly;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The bodies the account endpoints accept. Each is an explicit record: a field not listed here is
 * refused with 400, so no request can set anything else (no mass assignment, e.g. a role).
 */
public final class AuthRequests {

    private AuthRequests() {}

    /**
     * @param role {@code DONOR} or {@code PATIENT}
     */
    public record Signup(
            @Schema(maxLength = EmailAddress.MAX_LENGTH, example = "asha.patil@example.org")
                    String email,
            @Schema(minLength = PasswordPolicy.MIN_LENGTH, maxLength = PasswordPolicy.MAX_LENGTH)
                    @JsonDeserialize(using = TextOnly.class)
                    String password,
            @Schema(example = "DONOR") String role,
            @Schema(maxLength = AccountInputs.MAX_NAME, example = "Asha Patil") String fullName) {
        @Override
        public String toString() {
            return "Signup[" + role + "]";
        }
    }

    public record Verify(String email, String role, String code) {
        @Override
        public String toString() {
            return "Verify[" + role + "]";
        }
    }

    public record ResendCode(String email, String role) {}

    /**
     * @param role needed only when the e-mail has both a donor and a patient account
     */
    public record Login(
            String email,
            @JsonDeserialize(using = TextOnly.class) String password,
            @Nullable String role) {
        @Override
        public String toString() {
            return "Login[" + role + "]";
        }
    }

    /**
     * @param challenge what the password step answered
     * @param code the 6 digits of the authenticator app, or a recovery code
     */
    public record SecondFactor(String challenge, String code) {
        @Override
        public String toString() {
            return "SecondFactor[…]";
        }
    }

    public record StepUp(String code) {
        @Override
        public String toString() {
            return "StepUp[…]";
        }
    }

    /** The refresh token may come from the cookie instead ({@code X-RamSetu-Session: cookie}). */
    public record Refresh(@Nullable @JsonDeserialize(using = TextOnly.class) String refreshToken) {
        @Override
        public String toString() {
            return "Refresh[…]";
        }
    }

    public record PasswordReset(String email, @Nullable String role) {}

    public record PasswordResetConfirmation(
            String email,
            @Nullable String role,
            String code,
            @JsonDeserialize(using = TextOnly.class) String newPassword) {
        @Override
        public String toString() {
            return "PasswordResetConfirmation[" + role + "]";
        }
    }
}
