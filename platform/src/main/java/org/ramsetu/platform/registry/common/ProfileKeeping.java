package org.ramsetu.platform.registry.common;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.security.RecordAccess;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What keeping a profile means, for donors and patients alike. An account of one role keeps at most
 * one profile. Each save replaces it whole, names the version it replaces, and is audited in its
 * transaction. The owner reads their own profile, and a coordinator reads anyone's in an audited
 * medical read. The profile's content, and how a request becomes one, are each role's own.
 *
 * @param <P> the stored profile
 * @param <V> what callers are shown
 */
public final class ProfileKeeping<P, V> {

    /** Where the profiles are kept; insert and update report a lost race as false. */
    public interface Store<P> {
        Optional<P> find(UUID accountId);

        boolean insert(P profile);

        boolean update(P profile);
    }

    /** What a role's profile is: its words, its store and how it is shown. */
    public record Kind<P, V>(
            Role owner,
            String name,
            String savedAuditAction,
            String createdWith,
            Store<P> store,
            Function<P, UUID> accountOf,
            ToLongFunction<P> versionOf,
            Function<P, V> view) {}

    /** The profile and whether this save created it. */
    public record Saved<V>(V profile, boolean created) {}

    private final Kind<P, V> kind;
    private final RecordAccess access;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    public ProfileKeeping(
            Kind<P, V> kind, RecordAccess access, AuditLog audit, TransactionTemplate tx) {
        this.kind = kind;
        this.access = access;
        this.audit = audit;
        this.tx = tx;
    }

    /**
     * @throws DomainException Forbidden for an account of another role
     */
    public void requireOwnerRole(CurrentUser user) {
        Roles.require(user, kind.owner(), "keep a " + kind.name());
    }

    /**
     * Creates the caller's profile or replaces it, in one transaction with its audit entry. The
     * caller has checked the role and built the content before: nothing is read until then.
     *
     * @param first the profile when there is none yet (version 0)
     * @param next the profile that replaces the stored one (its version plus one)
     * @throws DomainException Conflict when the profile changed since the version the caller names
     *     (or was created meanwhile)
     */
    public Saved<V> save(
            CurrentUser user, ExpectedVersion expected, Supplier<P> first, UnaryOperator<P> next) {
        return tx.execute(
                status -> {
                    Optional<P> existing = kind.store().find(user.id());
                    P saved;
                    if (existing.isEmpty()) {
                        if (expected.given()) {
                            throw ExpectedVersion.stale();
                        }
                        saved = first.get();
                        if (!kind.store().insert(saved)) {
                            throw ExpectedVersion.stale();
                        }
                    } else {
                        expected.check(kind.versionOf().applyAsLong(existing.get()));
                        saved = next.apply(existing.get());
                        if (!kind.store().update(saved)) {
                            throw ExpectedVersion.stale();
                        }
                    }
                    audit.record(
                            AuditEntry.of(kind.savedAuditAction(), AuditOutcome.SUCCESS)
                                    .by(user.id(), user.role())
                                    .on(kind.name(), user.id())
                                    .with(Map.of("version", kind.versionOf().applyAsLong(saved))));
                    return new Saved<>(kind.view().apply(saved), existing.isEmpty());
                });
    }

    /**
     * @throws DomainException Forbidden for an account of another role, NotFound before the first
     *     save
     */
    public V mine(CurrentUser user) {
        requireOwnerRole(user);
        return kind.store()
                .find(user.id())
                .map(kind.view())
                .orElseThrow(
                        () ->
                                RegistryProblems.notCreatedYet(
                                        "you have no "
                                                + kind.name()
                                                + " yet; "
                                                + kind.createdWith()));
    }

    /**
     * The owner's or, for coordinators, anyone's profile (an audited medical read).
     *
     * @throws DomainException NotFound when there is none or it is someone else's
     */
    public V read(CurrentUser user, UUID accountId) {
        return kind.view()
                .apply(
                        access.read(
                                user,
                                kind.name(),
                                accountId,
                                kind.store().find(accountId),
                                kind.accountOf(),
                                RecordAccess.Sensitivity.MEDICAL));
    }
}
