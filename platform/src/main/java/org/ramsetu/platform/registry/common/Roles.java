package org.ramsetu.platform.registry.common;

import java.util.Locale;
import org.ramsetu.platform.accounts.Role;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.ApiProblem;

/** Which kind of account a registry action is for; others get 403 saying who may. */
public final class Roles {

    private Roles() {}

    /**
     * @throws ApiProblem 403 when the caller's account has another role
     */
    public static void require(CurrentUser user, Role role, String action) {
        if (user.role() != role) {
            throw ApiProblem.forbidden(
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
     * @throws ApiProblem 403 for a caller who is neither {@code role} nor a coordinator
     */
    public static void requireOrCoordinator(CurrentUser user, Role role, String action) {
        if (!user.isCoordinator()) {
            require(user, role, action);
        }
    }
}
