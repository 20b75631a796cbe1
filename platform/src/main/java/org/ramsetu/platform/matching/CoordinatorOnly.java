package org.ramsetu.platform.matching;

import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Forbidden;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.security.CurrentUser;

/**
 * The matching routes that act on a record are for coordinators. Whoever may not even know the
 * record exists gets 404, exactly as for an unknown id (so ids cannot be probed); whoever may see
 * it (the patient of a request, the donor of an approved match) but not act on it gets 403 saying
 * who may.
 */
public final class CoordinatorOnly {

    private CoordinatorOnly() {}

    /**
     * @param visible whether the caller may know that the record exists
     * @throws DomainException NotFound when it is not visible to the caller, Forbidden when it is
     *     but the caller is no coordinator
     */
    public static void require(
            CurrentUser user, boolean visible, String kind, Object id, String action) {
        if (user.isCoordinator()) {
            return;
        }
        if (!visible) {
            throw new NotFound(kind, id);
        }
        throw new Forbidden(
                "coordinator-only",
                "only transplant coordinators can "
                        + action
                        + "; you can follow your own matches at GET /api/v1/matches");
    }
}
