package org.ramsetu.platform.accounts;

import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.settings.RamsetuSettings.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Creates the first coordinator from {@code RAMSETU_BOOTSTRAP_ADMIN_EMAIL} / {@code _PASSWORD} at
 * start-up when that account does not exist yet. An existing account is never changed, so the
 * setting cannot be used to take one over; the exceptions are {@code
 * RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET}, enrolled as its second factor while it has no confirmed
 * one, and the administrator right (managing transplant centres), which the bootstrap coordinator
 * always holds: an installation upgraded from before centres existed gets its first administrator
 * this way. Neither lets anyone sign in who could not before.
 */
public class BootstrapCoordinator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapCoordinator.class);

    private final RamsetuSettings settings;
    private final CoordinatorAccounts coordinators;

    public BootstrapCoordinator(RamsetuSettings settings, CoordinatorAccounts coordinators) {
        this.settings = settings;
        this.coordinators = coordinators;
    }

    @Override
    public void run(ApplicationArguments args) {
        settings.bootstrapAdmin()
                .ifPresent(
                        admin -> {
                            boolean created =
                                    coordinators.create(
                                            admin.email(),
                                            "Coordinator",
                                            admin.password().value(),
                                            "bootstrap",
                                            admin.totpSecret().map(Secret::value),
                                            true);
                            log.info(
                                    created
                                            ? "Created the bootstrap coordinator account"
                                            : "Bootstrap coordinator account exists already; left"
                                                    + " unchanged");
                        });
    }
}
