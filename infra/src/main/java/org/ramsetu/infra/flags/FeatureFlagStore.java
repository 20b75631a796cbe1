package org.ramsetu.infra.flags;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The flags in PostgreSQL ({@code feature_flag}) and their history ({@code feature_flag_change}).
 * Each change locks the flag's row, so two coordinators changing one flag at once both end up in
 * the history with what they really replaced.
 */
public class FeatureFlagStore {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TypeReference<Map<String, Object>> VARIANTS = new TypeReference<>() {};
    private static final TypeReference<List<FlagRule>> RULES = new TypeReference<>() {};

    private static final String COLUMNS =
            "key, description, enabled, default_variant, variants::text as variants,"
                    + " rules::text as rules, version, updated_at, updated_by";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public FeatureFlagStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public List<FeatureFlag> all() {
        return jdbc.sql("select " + COLUMNS + " from feature_flag order by key")
                .query(FeatureFlagStore::flag)
                .list();
    }

    public Optional<FeatureFlag> find(String key) {
        return jdbc.sql("select " + COLUMNS + " from feature_flag where key = :key")
                .param("key", key)
                .query(FeatureFlagStore::flag)
                .optional();
    }

    /**
     * Changes a flag (or creates it) in one transaction: {@code change} gets the flag as it is now
     * (empty for a new one) and returns what it should become; the new state gets the next version
     * and both states go to the history.
     *
     * @throws IllegalArgumentException when the result is not a valid flag (nothing is written)
     */
    public FlagChange change(
            String key, String actor, UnaryOperator<Optional<FeatureFlag>> change) {
        return tx.execute(
                status -> {
                    Optional<FeatureFlag> before =
                            jdbc.sql(
                                            "select "
                                                    + COLUMNS
                                                    + " from feature_flag where key = :key for"
                                                    + " update")
                                    .param("key", key)
                                    .query(FeatureFlagStore::flag)
                                    .optional();
                    FeatureFlag wanted =
                            change.apply(before)
                                    .orElseThrow(
                                            () ->
                                                    new IllegalArgumentException(
                                                            "no flag " + key + " to change"));
                    FeatureFlag after =
                            jdbc.sql(
                                            """
                                            insert into feature_flag (key, description, enabled,
                                                default_variant, variants, rules, updated_by)
                                            values (:key, :description, :enabled, :defaultVariant,
                                                cast(:variants as jsonb), cast(:rules as jsonb),
                                                :actor)
                                            on conflict (key) do update set
                                                description = excluded.description,
                                                enabled = excluded.enabled,
                                                default_variant = excluded.default_variant,
                                                variants = excluded.variants,
                                                rules = excluded.rules,
                                                version = feature_flag.version + 1,
                                                updated_at = now(),
                                                updated_by = excluded.updated_by
                                            returning\s"""
                                                    + COLUMNS)
                                    .param("key", key)
                                    .param("description", wanted.description())
                                    .param("enabled", wanted.enabled())
                                    .param("defaultVariant", wanted.defaultVariant())
                                    .param("variants", JSON.writeValueAsString(wanted.variants()))
                                    .param("rules", JSON.writeValueAsString(wanted.rules()))
                                    .param("actor", actor)
                                    .query(FeatureFlagStore::flag)
                                    .single();
                    jdbc.sql(
                                    """
                                    insert into feature_flag_change (key, changed_by, before, after)
                                    values (:key, :actor, cast(:before as jsonb),
                                        cast(:after as jsonb))
                                    """)
                            .param("key", key)
                            .param("actor", actor)
                            .param("before", before.map(JSON::writeValueAsString).orElse(null))
                            .param("after", JSON.writeValueAsString(after))
                            .update();
                    return new FlagChange(before.orElse(null), after);
                });
    }

    /** The latest changes of a flag, newest first, as JSON text (before, after). */
    public List<Map<String, Object>> history(String key, int limit) {
        return jdbc.sql(
                        """
                        select changed_at, changed_by, before::text as before, after::text as after
                        from feature_flag_change where key = :key
                        order by changed_at desc, id desc limit :limit
                        """)
                .param("key", key)
                .param("limit", limit)
                .query(
                        (rs, n) ->
                                Map.<String, Object>of(
                                        "changedAt",
                                        rs.getTimestamp("changed_at").toInstant().toString(),
                                        "changedBy",
                                        rs.getString("changed_by"),
                                        "before",
                                        rs.getString("before") == null
                                                ? Map.of()
                                                : JSON.readValue(rs.getString("before"), VARIANTS),
                                        "after",
                                        JSON.readValue(rs.getString("after"), VARIANTS)))
                .list();
    }

    private static FeatureFlag flag(ResultSet rs, int row) throws SQLException {
        return new FeatureFlag(
                rs.getString("key"),
                rs.getString("description"),
                rs.getBoolean("enabled"),
                rs.getString("default_variant"),
                JSON.readValue(rs.getString("variants"), VARIANTS),
                JSON.readValue(rs.getString("rules"), RULES),
                rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
