package org.ramsetu.platform.matching;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.infra.mail.MailAddress;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who takes part in a match, for mails and the views that reveal a party after approval: names and
 * addresses from the accounts, places from the profiles. Read directly, because the worker (which
 * writes re-scored runs) runs without the accounts and registry features.
 */
public class MatchParties {

    /** A person's name and address, and the place shown to the other party after approval. */
    public record Party(UUID id, String fullName, String email, String place) {
        public MailAddress address() {
            return new MailAddress(email, fullName);
        }
    }

    private final JdbcClient jdbc;

    public MatchParties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Party> donor(UUID accountId) {
        return jdbc.sql(
                        """
                        select a.id, a.full_name, a.email, d.city || ', ' || d.state as place
                        from account a left join donor_profile d on d.account_id = a.id
                        where a.id = :id
                        """)
                .param("id", accountId)
                .query(MatchParties::party)
                .optional();
    }

    public Optional<Party> patient(UUID accountId) {
        return jdbc.sql(
                        """
                        select a.id, a.full_name, a.email,
                            p.hospital_name || ', ' || p.hospital_city || ', ' || p.hospital_state
                                as place
                        from account a left join patient_profile p on p.account_id = a.id
                        where a.id = :id
                        """)
                .param("id", accountId)
                .query(MatchParties::party)
                .optional();
    }

    /** Every coordinator account, to be told about a degraded run. */
    public List<Party> coordinators() {
        return jdbc.sql(
                        "select id, full_name, email, null as place from account"
                                + " where role = 'ADMIN' order by created_at")
                .query(MatchParties::party)
                .list();
    }

    private static Party party(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Party(
                rs.getObject("id", UUID.class),
                rs.getString("full_name"),
                rs.getString("email"),
                rs.getString("place"));
    }
}
