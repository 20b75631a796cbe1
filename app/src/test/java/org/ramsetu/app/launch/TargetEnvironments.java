package org.ramsetu.app.launch;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;

/** The environment a launch test starts a target with; each test adds what it is about. */
final class TargetEnvironments {

    private TargetEnvironments() {}

    /**
     * A data folder, a database reached by URL, user and password, and the secret that signs
     * tokens: what every target of these tests needs. The map may be changed.
     */
    static Map<String, String> of(Path data, EmbeddedPostgresServer db, String jwtSecret) {
        Map<String, String> env = new HashMap<>();
        env.put("RAMSETU_DATA_DIR", data.toString());
        env.put("RAMSETU_DB_URL", db.jdbcUrl());
        env.put("RAMSETU_DB_USER", db.username());
        env.put("RAMSETU_DB_PASSWORD", db.password());
        env.put("RAMSETU_JWT_SECRET", jwtSecret);
        return env;
    }
}
