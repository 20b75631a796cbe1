package org.ramsetu.platform.registry.common;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.records.ExpectedVersion;

/**
 * One status change of a listing, as pledges and transplant requests both make it: the version the
 * caller read must still be current, the life cycle must allow the action from the current status,
 * and the write must replace exactly that version. What the change announces stays with each side.
 */
public final class ListingTransitions {

    private ListingTransitions() {}

    /**
     * @param lifeCycle the next status for an action from a status ({@code
     *     PledgeStateMachine::next})
     * @param moved the listing in its next status, one version on
     * @param write stores it; false when the stored version is no longer the one replaced
     * @return the changed listing, written
     * @throws DomainException Conflict when the life cycle refuses the action
     * @throws org.springframework.dao.OptimisticLockingFailureException when the caller read
     *     another version, or a concurrent change won
     */
    public static <S extends Enum<S>, A extends Enum<A>, L extends ListingRecord<S>> L apply(
            L current,
            ExpectedVersion expected,
            BiFunction<S, A, S> lifeCycle,
            A action,
            Function<S, L> moved,
            Predicate<L> write) {
        expected.check(current.version());
        S next;
        try {
            next = lifeCycle.apply(current.status(), action);
        } catch (TransitionRefused refused) {
            throw RegistryProblems.illegalTransition(refused);
        }
        L changed = moved.apply(next);
        if (!write.test(changed)) {
            throw ExpectedVersion.stale();
        }
        return changed;
    }
}
