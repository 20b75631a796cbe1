package org.ramsetu.platform.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.ramsetu.platform.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The account endpoints of API.md: sign-up, verification, login, tokens, password reset. */
@RestController
@RequestMapping("/api/v1")
public class AuthController {

    private final SignupService signups;
    private final SessionService sessions;
    private final PasswordResetService resets;

    public AuthController(
            SignupService signups, SessionService sessions, PasswordResetService resets) {
        this.signups = signups;
        this.sessions = sessions;
        this.resets = resets;
    }

    @PostMapping("/auth/signup")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Accepted signup(@RequestBody AuthRequests.Signup body, HttpServletRequest request) {
        signups.signup(body, request.getRemoteAddr());
        return new Accepted(
                "we sent a 6-digit code to your e-mail; confirm it at /api/v1/auth/verify");
    }

    @PostMapping("/auth/resend-code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Accepted resendCode(
            @RequestBody AuthRequests.ResendCode body, HttpServletRequest request) {
        signups.resendCode(body, request.getRemoteAddr());
        return new Accepted("if this account waits for verification, a new code is on its way");
    }

    @PostMapping("/auth/verify")
    public AuthTokens verify(@RequestBody AuthRequests.Verify body) {
        return sessions.verify(body);
    }

    @PostMapping("/auth/login")
    public AuthTokens login(@RequestBody AuthRequests.Login body, HttpServletRequest request) {
        return sessions.login(body, request.getRemoteAddr());
    }

    @PostMapping("/auth/refresh")
    public AuthTokens refresh(@RequestBody AuthRequests.Refresh body) {
        return sessions.refresh(body);
    }

    @PostMapping("/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logout(@RequestBody AuthRequests.Refresh body) {
        sessions.logout(body);
    }

    @PostMapping("/auth/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Accepted passwordReset(
            @RequestBody AuthRequests.PasswordReset body, HttpServletRequest request) {
        resets.request(body, request.getRemoteAddr());
        return new Accepted("if an account uses this e-mail, a reset code is on its way");
    }

    @PostMapping("/auth/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void passwordResetConfirm(@RequestBody AuthRequests.PasswordResetConfirmation body) {
        resets.confirm(body);
    }

    @GetMapping("/me")
    public UserView me(CurrentUser user) {
        return sessions.me(user.id());
    }

    /** The answer to a request that was taken and continues by e-mail. */
    public record Accepted(String message) {}
}
