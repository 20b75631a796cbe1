package org.ramsetu.platform.registry.requests;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;

/**
 * The patients of listings as a ranked list shows them: what the clinical work needs, never who the
 * patient is (no name, contact or hospital), read in one query for a page of listings.
 */
@NamedInterface("requests")
public class ListedPatients {

    /**
     * @param hla the stored typing, e.g. {@code A1 A2 B8 B44 DR3 DR4}; null when not typed
     */
    public record ListedPatient(
            RequestId request,
            LocalDate dateOfBirth,
            String sex,
            String bloodGroup,
            double heightCm,
            double weightKg,
            @Nullable String hla) {}

    private final JdbcClient jdbc;

    public ListedPatients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The listings among {@code ids} that exist with a patient profile, by id. */
    public Map<RequestId, ListedPatient> of(Collection<RequestId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<RequestId, ListedPatient> found = new HashMap<>();
        jdbc.sql(
                        """
                        select r.id, p.date_of_birth, p.sex, p.blood_group, p.height_cm,
                            p.weight_kg, p.hla_typing
                        from transplant_request r join patient_profile p on p.account_id = r.patient_id
                        where r.id = any(:ids)
                        """)
                .param("ids", ids.stream().map(RequestId::value).distinct().toArray(UUID[]::new))
                .query(
                        (rs, row) ->
                                new ListedPatient(
                                        new RequestId(rs.getObject("id", UUID.class)),
                                        rs.getObject("date_of_birth", LocalDate.class),
                                        rs.getString("sex"),
                                        rs.getString("blood_group"),
                                        rs.getDouble("height_cm"),
                                        rs.getDouble("weight_kg"),
                                        rs.getString("hla_typing")))
                .list()
                .forEach(p -> found.put(p.request(), p));
        return found;
    }
}
