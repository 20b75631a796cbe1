package org.ramsetu.platform.api;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.ramsetu.infra.crypto.Totp;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.testing.TemporaryFolders;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one running instance shared by the API tests of this JVM (a start costs seconds). Tests keep
 * out of each other's way with their own e-mail addresses and client addresses ({@code
 * X-Forwarded-For}, trusted from loopback as behind a proxy).
 *
 * <p>What runs depends on the module whose tests ask: the platform's own tests start the platform
 * beside the model server ({@link PlatformStarter}); the app module's tests, which see this class
 * in the platform's test jar, start the whole product's {@code all} target instead. Each module
 * names its {@link Starter} in {@code META-INF/services}; the highest precedence on the class path
 * wins.
 */
public final class PlatformInstance {

    public static final String COORDINATOR_EMAIL = "coordinator@ramsetu.test";
    public static final String COORDINATOR_PASSWORD = "coordinator test password";
    public static final String COORDINATOR_TOTP_SECRET = Totp.newSecret();
    public static final String ALLOWED_ORIGIN = "https://app.ramsetu.test";

    /** Starts an instance for the tests of one module. */
    public interface Starter {

        /** The starter with the highest precedence on the class path is used. */
        int precedence();

        /**
         * @param settings the data folder, the bootstrap coordinator and the signing secret
         * @param arguments Spring properties as command-line arguments ({@code --name=value})
         */
        Running start(RamsetuSettings settings, List<String> arguments);
    }

    /** A started instance: its port and its beans. */
    public interface Running extends AutoCloseable {

        int port();

        ConfigurableApplicationContext context();

        @Override
        void close();
    }

    private static final String JWT_SECRET = newSigningSecret();

    private static Running running;
    private static Path dataDir;

    private PlatformInstance() {}

    public static synchronized Running get() {
        if (running == null) {
            dataDir = TemporaryFolders.create("ramsetu-platform-test");
            RamsetuSettings settings =
                    RamsetuSettings.fromEnvironment(
                            Map.of(
                                    "RAMSETU_DATA_DIR", dataDir.toString(),
                                    "RAMSETU_JWT_SECRET", JWT_SECRET,
                                    "RAMSETU_BOOTSTRAP_ADMIN_EMAIL", COORDINATOR_EMAIL,
                                    "RAMSETU_BOOTSTRAP_ADMIN_PASSWORD", COORDINATOR_PASSWORD,
                                    "RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET",
                                            COORDINATOR_TOTP_SECRET));
            running =
                    starter()
                            .start(
                                    settings,
                                    List.of(
                                            "--server.forward-headers-strategy=native",
                                            // short, so that limits beyond the cool-down can be
                                            // tested in seconds
                                            "--ramsetu.security.code-resend-cooldown=1s",
                                            "--ramsetu.rate-limits.limits.code-cooldown.refill-period=1s",
                                            "--ramsetu.security.cors-allowed-origins="
                                                    + ALLOWED_ORIGIN,
                                            // short, so that an unanswered offer escalates within a
                                            // test
                                            "--ramsetu.allocation.offers.organs.kidney.response="
                                                    + Donation.OFFER_RESPONSE.toSeconds()
                                                    + "s"));
            Path started = dataDir;
            Running closing = running;
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

    private static Starter starter() {
        return ServiceLoader.load(Starter.class).stream()
                .map(ServiceLoader.Provider::get)
                .max(Comparator.comparingInt(Starter::precedence))
                .orElseThrow(() -> new IllegalStateException("no PlatformInstance.Starter"));
    }

    private static String newSigningSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The secret the instance signs access tokens with (tests forge tokens with it). */
    public static String jwtSecret() {
        return JWT_SECRET;
    }

    public static Path dataDir() {
        get();
        return dataDir;
    }

    public static ApiClient client() {
        return new ApiClient(get().port());
    }

    public static MailFolder mail() {
        return new MailFolder(dataDir().resolve("mail"));
    }
}
