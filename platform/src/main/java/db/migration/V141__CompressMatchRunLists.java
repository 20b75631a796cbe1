package db.migration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.zip.GZIPOutputStream;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Match runs keep their full candidate and exclusion lists as gzip-compressed JSON ({@code bytea},
 * stored without PostgreSQL's own compression) instead of JSONB: writing a 40,000-entry run as
 * JSONB cost about a second of database time (parse plus pglz). Existing runs are converted here,
 * byte for byte the same JSON, so every run reads the same way; the immutability trigger is
 * suspended for this one rewrite only.
 */
public class V141__CompressMatchRunLists extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (Statement s = db.createStatement()) {
            s.execute("alter table match_run disable trigger match_run_immutable");
            s.execute(
                    "alter table match_run add column candidates_gz bytea,"
                            + " add column excluded_gz bytea");
        }
        try (PreparedStatement read =
                        db.prepareStatement(
                                "select id, candidates::text, excluded::text from match_run");
                PreparedStatement write =
                        db.prepareStatement(
                                "update match_run set candidates_gz = ?, excluded_gz = ?"
                                        + " where id = ?")) {
            read.setFetchSize(16);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    write.setBytes(1, gzip(rs.getString(2)));
                    write.setBytes(2, gzip(rs.getString(3)));
                    write.setObject(3, rs.getObject(1));
                    write.executeUpdate();
                }
            }
        }
        try (Statement s = db.createStatement()) {
            s.execute("alter table match_run drop column candidates, drop column excluded");
            s.execute("alter table match_run rename column candidates_gz to candidates");
            s.execute("alter table match_run rename column excluded_gz to excluded");
            s.execute(
                    "alter table match_run alter column candidates set not null,"
                            + " alter column excluded set not null,"
                            + " alter column candidates set storage external,"
                            + " alter column excluded set storage external");
            s.execute(
                    "comment on column match_run.candidates is"
                            + " 'every ranked candidate, best first: a JSON array, gzip-compressed'");
            s.execute(
                    "comment on column match_run.excluded is"
                            + " 'every excluded pledge with its reasons: a JSON array,"
                            + " gzip-compressed'");
            s.execute("alter table match_run enable trigger match_run_immutable");
        }
    }

    private static byte[] gzip(String json) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
