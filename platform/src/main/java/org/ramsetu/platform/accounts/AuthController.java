package org.ramsetu.platform.accounts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.ApiProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The account endpoints of docs/api.md: sign-up, verification, login, tokens, password reset. */
@Tag(name = "Accounts", description = "Sign-up, sign-in, sessions and second factors")
@RestController
@RequestMapping("/api/v1")
public class AuthController {

    private final SignupService signups;
    private final SessionService sessions;
    private final SecondFactors secondFactors;
    private final PasswordResetService resets;
    private final RefreshCookie cookie;

    public AuthController(
            SignupService signups,
            SessionService sessions,
            SecondFactors secondFactors,
            PasswordResetService resets,
            RefreshCookie cookie) {
        this.signups = signups;
        this.sessions = sessions;
        this.secondFactors = secondFactors;
        this.resets = resets;
        this.cookie = cookie;
    }

    @Operation(operationId = "signUp")
    @PostMapping("/auth/signup")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Accepted signup(@RequestBody AuthRequests.Signup body, HttpServletRequest request) {
        signups.signup(body, request.getRemoteAddr());
        return new Accepted(
                "we sent a 6-digit code to your e-mail; confirm it at /api/v1/auth/verify");
    }

    @Operation(operationId = "resendVerificationCode")
    @PostMapping("/auth/resend-code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Accepted resendCode(
            @RequestBody AuthRequests.ResendCode body, HttpServletRequest request) {
        signups.resendCode(body, request.getRemoteAddr());
        return new Accepted("if this account waits for verification, a new code is on its way");
    }

    /** With {@code X-RamSetu-Session: cookie} the refresh token is set as a cookie instead. */
    @Operation(operationId = "verifyAccount")
    @PostMapping("/auth/verify")
    public ResponseEntity<AuthTokens> verify(
            @RequestBody AuthRequests.Verify body, HttpServletRequest request) {
        return cookie.answer(request, sessions.verify(body));
    }

    /**
     * 200 with tokens; for a coordinator 202 with the challenge of the second step ({@code POST
     * /auth/second-factor}) and, before the first sign-in with an authenticator, the one to set up.
     */
    @Operation(operationId = "logIn")
    @ApiResponse(
            responseCode = "200",
            description = "signed in",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = AuthTokens.class)))
    @ApiResponse(
            responseCode = "202",
            description = "a coordinator: the code of the second factor comes next",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = SecondFactorNeeded.class)))
    @ApiResponse(responseCode = "401", description = "wrong e-mail or password")
    @ApiResponse(
            responseCode = "403",
            description = "the account's e-mail address is not verified yet")
    @PostMapping("/auth/login")
    public ResponseEntity<?> login(
            @RequestBody AuthRequests.Login body, HttpServletRequest request) {
        SignInStep step = sessions.login(body, request.getRemoteAddr());
        if (step instanceof SignInStep.SecondFactorNeeded needed) {
            return ResponseEntity.accepted()
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(SecondFactorNeeded.of(needed.challenge()));
        }
        return cookie.answer(request, ((SignInStep.SignedIn) step).tokens());
    }

    /** The second step of a coordinator's sign-in: the challenge and a code. */
    @Operation(operationId = "completeSecondFactor")
    @ApiResponse(responseCode = "200", description = "signed in", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "wrong or expired challenge or code")
    @PostMapping("/auth/second-factor")
    public ResponseEntity<AuthTokens> secondFactor(
            @RequestBody AuthRequests.SecondFactor body, HttpServletRequest request) {
        return cookie.answer(request, secondFactors.complete(body));
    }

    /**
     * A signed-in coordinator gives a code again before a sensitive action; answers a new access
     * token whose second factor is recent (the refresh token stays as it is).
     */
    @Operation(operationId = "stepUpSecondFactor")
    @SecurityRequirement(name = "bearer") // under /auth/, but for a signed-in coordinator
    @PostMapping("/auth/second-factor/step-up")
    public ResponseEntity<SessionTokens.AccessToken> stepUp(@RequestBody AuthRequests.StepUp body) {
        CurrentUser caller = CurrentUser.required();
        UUID session =
                CurrentUser.sessionOfCurrentRequest()
                        .orElseThrow(() -> ApiProblem.unauthorized("log in again"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(secondFactors.stepUp(caller, session, body));
    }

    /**
     * A signed-in coordinator replaces their recovery codes, proving it with the authenticator's
     * current code; the ten new codes are answered once. Audited as {@code
     * RECOVERY_CODES_REPLACED}.
     */
    @Operation(operationId = "replaceRecoveryCodes")
    @SecurityRequirement(name = "bearer") // under /auth/, but for a signed-in coordinator
    @PostMapping("/auth/second-factor/recovery-codes")
    public ResponseEntity<RecoveryCodes> replaceRecoveryCodes(
            @RequestBody AuthRequests.StepUp body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(
                        new RecoveryCodes(
                                secondFactors.newRecoveryCodes(CurrentUser.required(), body)));
    }

    /** New recovery codes, shown once. */
    public record RecoveryCodes(List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "RecoveryCodes[…]";
        }
    }

    /**
     * A coordinator removes an account's second factor (a lost authenticator and lost recovery
     * codes) and ends its sessions; its next sign-in enrols a new one. Audited as {@code
     * SECOND_FACTOR_RESET}.
     */
    @Operation(operationId = "resetAccountSecondFactor")
    @ApiResponse(responseCode = "204", description = "removed; the account's sessions ended")
    @PostMapping("/admin/accounts/{id}/second-factor/reset")
    public ResponseEntity<Void> resetSecondFactor(CurrentUser coordinator, @PathVariable UUID id) {
        secondFactors.reset(coordinator, id);
        return ResponseEntity.noContent().build();
    }

    /**
     * What the password step answers a coordinator (202).
     *
     * @param secondFactor {@code required}, or {@code enrolment} when an authenticator is to be set
     *     up first
     */
    public record SecondFactorNeeded(
            String secondFactor,
            String challenge,
            long expiresIn,
            @JsonInclude(JsonInclude.Include.NON_NULL)
                    SecondFactors.@Nullable Enrolment enrolment) {

        static SecondFactorNeeded of(SecondFactors.Challenge challenge) {
            return new SecondFactorNeeded(
                    challenge.enrolment().isPresent() ? "enrolment" : "required",
                    challenge.challenge(),
                    challenge.expiresIn(),
                    challenge.enrolment().orElse(null));
        }

        @Override
        public String toString() {
            return "SecondFactorNeeded[" + secondFactor + "]";
        }
    }

    /** In cookie mode the body may be empty: the token comes from the cookie. */
    @Operation(operationId = "refreshAccessToken")
    @ApiResponse(
            responseCode = "200",
            description = "new tokens; the refresh token sent is used up",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "401",
            description = "no refresh token, or an expired, used or revoked one")
    @PostMapping("/auth/refresh")
    public ResponseEntity<AuthTokens> refresh(
            @RequestBody(required = false) AuthRequests.Refresh body, HttpServletRequest request) {
        return cookie.answer(request, sessions.refresh(refreshToken(body, request)));
    }

    /**
     * Signs out the login of the refresh token (body or cookie) and of the access token sent with
     * the request; either is enough. The login's access tokens stop working at once.
     */
    @Operation(operationId = "logOut")
    @ApiResponse(responseCode = "204", description = "signed out")
    @ApiResponse(responseCode = "401", description = "neither token names a login")
    @PostMapping("/auth/logout")
    public ResponseEntity<Void> logout(
            @RequestBody(required = false) AuthRequests.Refresh body, HttpServletRequest request) {
        Optional<SessionService.SignedInSession> caller =
                CurrentUser.ofCurrentRequest()
                        .flatMap(
                                user ->
                                        CurrentUser.sessionOfCurrentRequest()
                                                .map(
                                                        session ->
                                                                new SessionService.SignedInSession(
                                                                        user.id(), session)));
        AuthRequests.Refresh token =
                caller.isPresent() && body == null && !RefreshCookie.requested(request)
                        ? new AuthRequests.Refresh(null)
                        : refreshToken(body, request);
        sessions.logout(token, caller);
        ResponseEntity.HeadersBuilder<?> answer = ResponseEntity.noContent();
        if (RefreshCookie.requested(request)) {
            answer.header(HttpHeaders.SET_COOKIE, RefreshCookie.cleared());
        }
        return answer.build();
    }

    /**
     * A coordinator ends every session of an account: refresh tokens and access tokens stop working
     * at once, on every instance. Audited as {@code SESSIONS_REVOKED}.
     */
    @Operation(operationId = "revokeAccountSessions")
    @ApiResponse(responseCode = "204", description = "every session of the account ended")
    @PostMapping("/admin/accounts/{id}/sessions/revoke")
    public ResponseEntity<Void> revokeSessions(CurrentUser coordinator, @PathVariable UUID id) {
        sessions.revokeSessions(coordinator, id);
        return ResponseEntity.noContent().build();
    }

    /** The body's token, else (cookie mode only) the cookie's. */
    private static AuthRequests.Refresh refreshToken(
            AuthRequests.Refresh body, HttpServletRequest request) {
        if (body != null && body.refreshToken() != null) {
            return body;
        }
        if (RefreshCookie.requested(request)) {
            return new AuthRequests.Refresh(RefreshCookie.read(request).orElse(null));
        }
        if (body == null) {
            throw ApiProblem.invalidField("refreshToken", "is required");
        }
        return body;
    }

    @Operation(operationId = "requestPasswordReset")
    @PostMapping("/auth/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Accepted passwordReset(
            @RequestBody AuthRequests.PasswordReset body, HttpServletRequest request) {
        resets.request(body, request.getRemoteAddr());
        return new Accepted("if an account uses this e-mail, a reset code is on its way");
    }

    @Operation(operationId = "confirmPasswordReset")
    @PostMapping("/auth/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void passwordResetConfirm(@RequestBody AuthRequests.PasswordResetConfirmation body) {
        resets.confirm(body);
    }

    @Operation(operationId = "getCurrentAccount")
    @GetMapping("/me")
    public UserView me(CurrentUser user) {
        return sessions.me(user.id());
    }

    /** The answer to a request that was taken and continues by e-mail. */
    public record Accepted(String message) {}
}
