package org.ramsetu.platform.registry.common;

import java.util.UUID;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.security.CurrentUser;

/**
 * A role's profile use cases as its endpoints call them, donors and patients alike.
 *
 * @param <V> the profile as callers are shown it
 * @param <R> what a save sends
 */
public interface ProfileService<V extends ProfileView, R> {

    /**
     * @throws DomainException Forbidden for an account of another role, NotFound before the first
     *     save
     */
    V mine(CurrentUser user);

    /**
     * Creates the caller's profile or replaces it, in one transaction with its audit entry.
     *
     * @param ifMatch the version the caller replaces, as the {@code If-Match} header names it; null
     *     when it names none (the request's {@code version} may)
     * @throws DomainException InvalidInput naming an invalid field, Forbidden for an account of
     *     another role, Conflict when the profile changed since the version the caller names
     */
    ProfileKeeping.Saved<V> save(CurrentUser user, R request, String ifMatch);

    /**
     * The owner's or, for coordinators, anyone's profile (an audited medical read).
     *
     * @throws DomainException NotFound when there is none or it is someone else's
     */
    V read(CurrentUser user, UUID accountId);
}
