package org.ramsetu.platform.centres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.records.ListQuery;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.records.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Transplant centres and their coordinators in PostgreSQL. */
public class TransplantCentres {

    private static final String COLUMNS =
            """
            id, name, registration_number, city, state, latitude, longitude, programmes,
            created_by, created_at, updated_by, updated_at, version
            """;

    /**
     * What a list may be narrowed to.
     *
     * @param text part of the name, city or registration number, any case; null for all
     * @param state a canonical state name; null for all
     * @param organ a programme the centre must run; null for all
     */
    record Filter(@Nullable String text, @Nullable String state, @Nullable Organ organ) {

        ListQuery query() {
            return new ListQuery()
                    .filter(
                            "(position(lower(:text) in lower(name)) > 0"
                                    + " or position(lower(:text) in lower(city)) > 0"
                                    + " or position(lower(:text) in lower(registration_number))"
                                    + " > 0)",
                            "text",
                            text)
                    .filter("state = :state", "state", state)
                    .filter(
                            ":organ = any (programmes)",
                            "organ",
                            organ == null ? null : organ.name());
        }
    }

    /**
     * What assigning a coordinator did.
     *
     * @param changed false when they worked for that centre already
     * @param movedFrom the centre they worked for before, if another
     */
    record Assignment(boolean changed, @Nullable UUID movedFrom) {}

    private final JdbcClient jdbc;

    public TransplantCentres(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return false when a centre with this registration number (or id) exists already (a demo load
     *     run again)
     */
    public boolean insert(TransplantCentre c) {
        return Sql.wroteRow(
                jdbc,
                """
                insert into transplant_centre (id, name, registration_number,
                    registration_key, city, state, latitude, longitude, programmes,
                    created_by, created_at, updated_by, updated_at, version)
                values (:id, :name, :registration, :key, :city, :state, :lat, :lon,
                    :programmes, :createdBy, :createdAt, :updatedBy, :updatedAt,
                    :version)
                on conflict do nothing
                """,
                values(c));
    }

    /**
     * @return false when the stored version is no longer {@code c.version() - 1}
     * @throws org.springframework.dao.DuplicateKeyException when another centre has the new
     *     registration number
     */
    boolean update(TransplantCentre c) {
        return Sql.wroteRow(
                jdbc,
                """
                update transplant_centre set name = :name,
                    registration_number = :registration, registration_key = :key,
                    city = :city, state = :state, latitude = :lat,
                    longitude = :lon, programmes = :programmes,
                    updated_by = :updatedBy, updated_at = :updatedAt,
                    version = :version
                where id = :id and version = :version - 1
                """,
                values(c));
    }

    Optional<TransplantCentre> find(TransplantCentreId id) {
        return jdbc.sql("select " + COLUMNS + " from transplant_centre where id = :id")
                .param("id", id.value())
                .query(TransplantCentres::map)
                .optional();
    }

    /** The centre holding a registration number, in any spelling of it. */
    Optional<TransplantCentreId> withRegistration(String key) {
        return jdbc.sql("select id from transplant_centre where registration_key = :key")
                .param("key", key)
                .query(UUID.class)
                .optional()
                .map(TransplantCentreId::new);
    }

    /** Newest first, one row more than the page (so the caller knows whether another follows). */
    List<TransplantCentre> page(Filter filter, PageRequest page) {
        ListQuery.Statement query =
                filter.query()
                        .after("created_at", "id", page.after())
                        .toSql(
                                "select " + COLUMNS + " from transplant_centre",
                                "created_at desc, id desc",
                                page.limit());
        return jdbc.sql(query.text()).params(query.params()).query(TransplantCentres::map).list();
    }

    long count(Filter filter) {
        ListQuery.Statement query = filter.query().toCountSql("select id from transplant_centre");
        return jdbc.sql(query.text()).params(query.params()).query(Long.class).single();
    }

    /** How many coordinators each of the centres has (absent: none). */
    Map<UUID, Long> coordinatorCounts(Collection<UUID> centres) {
        if (centres.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Long> counts = new HashMap<>();
        jdbc.sql(
                        "select centre_id, count(*) as n from centre_coordinator"
                                + " where centre_id = any (:ids) group by centre_id")
                .param("ids", centres.toArray(UUID[]::new))
                .query(
                        rs -> {
                            counts.put(rs.getObject("centre_id", UUID.class), rs.getLong("n"));
                        });
        return counts;
    }

    /** The centre the account works for; empty for one that works for none. */
    Optional<TransplantCentreId> employerOf(UUID account) {
        return jdbc.sql("select centre_id from centre_coordinator where account_id = :a")
                .param("a", account)
                .query(UUID.class)
                .optional()
                .map(TransplantCentreId::new);
    }

    /** Makes the account a coordinator of the centre, moving it from any other. */
    Assignment assign(UUID account, TransplantCentreId centre, UUID by, Instant at) {
        Optional<UUID> before =
                jdbc.sql(
                                "select centre_id from centre_coordinator where account_id = :a"
                                        + " for update")
                        .param("a", account)
                        .query(UUID.class)
                        .optional();
        if (before.isPresent() && before.get().equals(centre.value())) {
            return new Assignment(false, null);
        }
        jdbc.sql(
                        """
                        insert into centre_coordinator (account_id, centre_id, assigned_by,
                            assigned_at)
                        values (:a, :c, :by, :at)
                        on conflict (account_id) do update set centre_id = excluded.centre_id,
                            assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at
                        """)
                .param("a", account)
                .param("c", centre.value())
                .param("by", by)
                .param("at", Sql.timestamp(at))
                .update();
        return new Assignment(true, before.orElse(null));
    }

    /**
     * @return false when the account did not work for the centre
     */
    boolean unassign(UUID account, TransplantCentreId centre) {
        return jdbc.sql("delete from centre_coordinator where account_id = :a and centre_id = :c")
                        .param("a", account)
                        .param("c", centre.value())
                        .update()
                > 0;
    }

    /** The centre's coordinators, longest-serving first (names from the published holders). */
    List<CentreCoordinatorView> coordinators(TransplantCentreId centre) {
        return jdbc.sql(
                        """
                        select c.account_id, h.full_name, h.email, c.assigned_at
                        from centre_coordinator c join account_holder h on h.id = c.account_id
                        where c.centre_id = :c
                        order by c.assigned_at, c.account_id
                        """)
                .param("c", centre.value())
                .query(
                        (rs, n) ->
                                new CentreCoordinatorView(
                                        rs.getObject("account_id", UUID.class),
                                        rs.getString("full_name"),
                                        rs.getString("email"),
                                        Sql.instant(rs, "assigned_at")))
                .list();
    }

    private static Map<String, Object> values(TransplantCentre c) {
        CentreDetails d = c.details();
        Map<String, Object> v = new HashMap<>();
        v.put("id", c.id().value());
        v.put("name", d.name());
        v.put("registration", d.registrationNumber());
        v.put("key", d.registrationKey());
        v.put("city", d.city());
        v.put("state", d.state());
        v.put("lat", d.coordinates().latitude());
        v.put("lon", d.coordinates().longitude());
        v.put("programmes", d.programmes().stream().map(Organ::name).toArray(String[]::new));
        v.put("createdBy", c.createdBy());
        v.put("createdAt", Sql.timestamp(c.createdAt()));
        v.put("updatedBy", c.updatedBy());
        v.put("updatedAt", Sql.timestamp(c.updatedAt()));
        v.put("version", c.version());
        return v;
    }

    private static TransplantCentre map(ResultSet rs, int row) throws SQLException {
        Set<Organ> programmes = EnumSet.noneOf(Organ.class);
        Arrays.stream((String[]) rs.getArray("programmes").getArray())
                .map(Organ::valueOf)
                .forEach(programmes::add);
        return new TransplantCentre(
                new TransplantCentreId(rs.getObject("id", UUID.class)),
                new CentreDetails(
                        rs.getString("name"),
                        rs.getString("registration_number"),
                        rs.getString("city"),
                        rs.getString("state"),
                        new Coordinates(rs.getDouble("latitude"), rs.getDouble("longitude")),
                        programmes),
                rs.getObject("created_by", UUID.class),
                Sql.instant(rs, "created_at"),
                rs.getObject("updated_by", UUID.class),
                Sql.instant(rs, "updated_at"),
                rs.getLong("version"));
    }
}
