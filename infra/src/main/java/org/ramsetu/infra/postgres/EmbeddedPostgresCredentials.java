package org.ramsetu.infra.postgres;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.ramsetu.infra.files.OwnerOnlyFiles;

/**
 * Passwords of the embedded server's superuser and of the application's own login role. Generated
 * on first start and kept in an owner-only file beside the cluster, so no password lives in the
 * repository and the application never connects as superuser.
 */
record EmbeddedPostgresCredentials(String superuserPassword, String appPassword) {

    static final String SUPERUSER = "postgres";
    static final String APP_USER = "ramsetu";
    static final String APP_DATABASE = "ramsetu";

    static EmbeddedPostgresCredentials loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(file)) {
                    p.load(in);
                }
                return new EmbeddedPostgresCredentials(
                        require(p, "superuser.password", file), require(p, "app.password", file));
            }
            EmbeddedPostgresCredentials created =
                    new EmbeddedPostgresCredentials(randomSecret(), randomSecret());
            Properties p = new Properties();
            p.setProperty("superuser.password", created.superuserPassword);
            p.setProperty("app.password", created.appPassword);
            StringWriter text = new StringWriter();
            p.store(text, "Embedded PostgreSQL credentials (generated; keep private)");
            OwnerOnlyFiles.createAtomically(file, text.toString());
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write " + file, e);
        }
    }

    private static String require(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new EmbeddedPostgresException(
                    file + " lacks " + key + "; restore it from backup");
        }
        return value;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresCredentials[****]";
    }
}
