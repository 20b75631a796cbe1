package org.ramsetu.app.platform;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.ramsetu.app.launch.RamsetuLauncher;
import org.ramsetu.app.launch.RunningRamsetu;
import org.ramsetu.app.launch.Target;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.testing.TemporaryFolders;

/**
 * One {@code all} target on embedded defaults shared by the platform API tests of this JVM (a start
 * costs seconds). Tests keep out of each other's way with their own e-mail addresses and client
 * addresses ({@code X-Forwarded-For}, trusted from loopback as behind a proxy).
 */
final class PlatformInstance {

    static final String COORDINATOR_EMAIL = "coordinator@ramsetu.test";
    static final String COORDINATOR_PASSWORD = "coordinator test password";
    static final String COORDINATOR_TOTP_SECRET = org.ramsetu.infra.crypto.Totp.newSecret();
    static final String ALLOWED_ORIGIN = "https://app.ramsetu.test";

    private static RunningRamsetu running;
    private static Path dataDir;

    private PlatformInstance() {}

    static synchronized RunningRamsetu get() {
        if (running == null) {
            dataDir = TemporaryFolders.create("ramsetu-platform-test");
            RamsetuSettings settings =
                    RamsetuSettings.fromEnvironment(
                            Map.of(
                                    "RAMSETU_DATA_DIR", dataDir.toString(),
                                    "RAMSETU_BOOTSTRAP_ADMIN_EMAIL", COORDINATOR_EMAIL,
                                    "RAMSETU_BOOTSTRAP_ADMIN_PASSWORD", COORDINATOR_PASSWORD,
                                    "RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET",
                                            COORDINATOR_TOTP_SECRET));
            running =
                    RamsetuLauncher.start(
                            Target.ALL,
                            settings,
                            OptionalInt.of(0),
                            "--server.forward-headers-strategy=native",
                            // short, so that limits beyond the cool-down can be tested in seconds
                            "--ramsetu.security.code-resend-cooldown=1s",
                            "--ramsetu.rate-limits.limits.code-cooldown.refill-period=1s",
                            "--ramsetu.security.cors-allowed-origins=" + ALLOWED_ORIGIN,
                            // short, so that an unanswered offer escalates within a test
                            "--ramsetu.allocation.offers.organs.kidney.response="
                                    + OrganOfferIntegrationTest.RESPONSE.toSeconds()
                                    + "s");
            Path started = dataDir;
            RunningRamsetu closing = running;
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        try {
                                            closing.close();
                                        } finally {
                                            TemporaryFolders.delete(started);
                                        }
                                    }));
        }
        return running;
    }

    /** The signing secret the instance generated into its data folder. */
    static String jwtSecret() {
        try {
            return java.nio.file.Files.readString(dataDir().resolve("jwt-secret")).strip();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static Path dataDir() {
        get();
        return dataDir;
    }

    static ApiClient client() {
        return new ApiClient(get().port());
    }

    static MailFolder mail() {
        return new MailFolder(dataDir().resolve("mail"));
    }
}
