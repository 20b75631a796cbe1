package org.ramsetu.platform.registry.common;

import java.util.Locale;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Forbidden;
import org.ramsetu.platform.security.CurrentUser;

/** Which kind of account a registry action is for; others get 403 saying who may. */
public final class Roles {

    private Roles() {}

    /**
     * @throws DomainException Forbidden when the caller's account has another role
     */
    public static void require(CurrentUser user, Role role, String action) {
        if (user.role() != role) {
            throw new Forbidden(
                    "wrong-role",
                    "only "
                            + role.name().toLowerCase(Locale.ROOT)
                            + " accounts can "
                            + action
                            + "; you are signed in as "
                            + (user.isCoordinator()
                                    ? "a coordinator"
                                    : user.role().name().toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * @throws DomainException Forbidden for a caller who is neither {@code role} nor a coordinator
     */
    public static void requireOrCoordinator(CurrentUser user, Role role, String action) {
        if (!user.isCoordinator()) {
            require(user, role, action);
        }
    }
}
