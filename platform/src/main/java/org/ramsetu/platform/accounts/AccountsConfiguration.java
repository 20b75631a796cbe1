package org.ramsetu.platform.accounts;

import java.time.Clock;
import org.ramsetu.infra.mail.QueuedMail;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.security.AccessTokens;
import org.ramsetu.platform.security.RequestLimits;
import org.ramsetu.platform.security.SecurityProperties;
import org.ramsetu.platform.security.TokenKeys;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Accounts: sign-up, sessions, password reset, coordinators. */
@Configuration(proxyBeanMethods = false)
public class AccountsConfiguration {

    @Bean
    TokenKeys tokenKeys(RamsetuSettings settings) {
        return TokenKeys.of(settings)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "the platform API needs RAMSETU_JWT_SECRET"));
    }

    @Bean
    AccessTokens accessTokens(TokenKeys keys, SecurityProperties properties, Clock clock) {
        return new AccessTokens(keys, properties.accessTokenLifetime(), clock);
    }

    @Bean
    AccountRepository accountRepository(JdbcClient jdbc) {
        return new AccountRepository(jdbc);
    }

    @Bean
    CoordinatorDirectory coordinatorDirectory(AccountRepository accounts) {
        return new CoordinatorDirectory(accounts);
    }

    @Bean
    PasswordHasher passwordHasher() {
        return new PasswordHasher();
    }

    @Bean
    OneTimeCodes oneTimeCodes(
            JdbcClient jdbc, TokenKeys keys, Clock clock, SecurityProperties properties) {
        return new OneTimeCodes(jdbc, keys, clock, properties.codeResendCooldown());
    }

    @Bean
    RefreshTokens refreshTokens(
            JdbcClient jdbc,
            Clock clock,
            SecurityProperties properties,
            RevocationCache revocations) {
        return new RefreshTokens(
                jdbc,
                clock,
                properties.refreshTokenLifetime(),
                properties.loginLifetime(),
                revocations::accountChanged);
    }

    @Bean
    SessionTokens sessionTokens(AccessTokens accessTokens, RefreshTokens refreshTokens) {
        return new SessionTokens(accessTokens, refreshTokens);
    }

    @Bean
    AccountMails accountMails(QueuedMail mail) {
        return new AccountMails(mail);
    }

    @Bean
    AccountCollaborators accountCollaborators(
            AccountRepository accounts,
            OneTimeCodes codes,
            PasswordHasher hasher,
            RequestLimits limits,
            AuditLog audit,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        return new AccountCollaborators(accounts, codes, hasher, limits, audit, events, tx, clock);
    }

    @Bean
    SignupService signupService(AccountCollaborators shared, AccountMails mails) {
        return new SignupService(shared, mails);
    }

    /** The audit entries of sign-ups, verifications, password resets and revoked sessions. */
    @Bean
    AccountAudit accountAudit(AuditLog audit) {
        return new AccountAudit(audit);
    }

    @Bean
    SecondFactors secondFactors(
            JdbcClient jdbc,
            AccountRepository accounts,
            SessionTokens tokens,
            AccessTokens accessTokens,
            RefreshTokens refreshTokens,
            RequestLimits limits,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock,
            SecurityProperties properties) {
        return new SecondFactors(
                jdbc,
                accounts,
                tokens,
                accessTokens,
                refreshTokens,
                limits,
                audit,
                tx,
                clock,
                properties.secondFactorChallengeLifetime());
    }

    @Bean
    SessionService sessionService(
            AccountCollaborators shared,
            RefreshTokens refreshTokens,
            SessionTokens tokens,
            SecondFactors secondFactors) {
        return new SessionService(shared, refreshTokens, tokens, secondFactors);
    }

    @Bean
    PasswordResetService passwordResetService(
            AccountCollaborators shared, AccountMails mails, RefreshTokens refreshTokens) {
        return new PasswordResetService(shared, mails, refreshTokens);
    }

    @Bean
    CoordinatorAccounts coordinatorAccounts(
            AccountRepository accounts,
            PasswordHasher hasher,
            JdbcClient jdbc,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        return new CoordinatorAccounts(
                accounts,
                hasher,
                new ProvisionedSecondFactors(jdbc, audit, clock),
                audit,
                tx,
                clock);
    }

    @Bean
    BootstrapCoordinator bootstrapCoordinator(
            RamsetuSettings settings, CoordinatorAccounts coordinators) {
        return new BootstrapCoordinator(settings, coordinators);
    }

    @Bean
    AuthController authController(
            SignupService signups,
            SessionService sessions,
            SecondFactors secondFactors,
            PasswordResetService resets,
            SecurityProperties properties) {
        return new AuthController(
                signups,
                sessions,
                secondFactors,
                resets,
                new RefreshCookie(properties.refreshTokenLifetime()));
    }
}
