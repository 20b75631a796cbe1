package org.ramsetu.platform.registry.requests;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ramsetu.platform.centres.TransplantCentreId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;

/**
 * Whose listings these are, by name, for the patient's own transplant centre (its offers inbox and
 * its search). Only a caller that has checked the reader works for the listing's centre may show
 * them: ranked lists read {@link ListedPatients}, which never names anyone.
 */
@NamedInterface("requests")
public class RequestPatientNames {

    private final JdbcClient jdbc;

    public RequestPatientNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The patients' names of the listings among {@code ids} that exist, by listing. */
    public Map<RequestId, String> of(Collection<RequestId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<RequestId, String> found = new HashMap<>();
        jdbc.sql(
                        """
                        select r.id, h.full_name
                        from transplant_request r join account_holder h on h.id = r.patient_id
                        where r.id = any(:ids)
                        """)
                .param("ids", ids.stream().map(RequestId::value).distinct().toArray(UUID[]::new))
                .query(
                        (rs, row) ->
                                Map.entry(
                                        new RequestId(rs.getObject("id", UUID.class)),
                                        rs.getString("full_name")))
                .list()
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    /**
     * The listings at {@code centre} whose patient's name or e-mail address contains {@code text}
     * (lower case), for the centre's own search of its offers; at most {@code max}.
     */
    public List<RequestId> atCentreNamed(TransplantCentreId centre, String text, int max) {
        return jdbc.sql(
                        """
                        select r.id
                        from transplant_request r join account_holder h on h.id = r.patient_id
                        where r.centre_id = :centre and (position(:text in lower(h.full_name)) > 0
                            or position(:text in h.email_key) > 0)
                        limit :max
                        """)
                .param("centre", centre.value())
                .param("text", text)
                .param("max", max)
                .query((rs, row) -> new RequestId(rs.getObject("id", UUID.class)))
                .list();
    }
}
