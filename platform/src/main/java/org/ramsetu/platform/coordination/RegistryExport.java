package org.ramsetu.platform.coordination;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.ramsetu.infra.database.ReplicaReads;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.records.ListQuery;
import org.ramsetu.platform.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams a registry list as CSV: rows go from a server-side cursor to the response as they come,
 * so an export of a million pledges holds only a fetch's worth of rows in memory. Each export is
 * one audit entry (who, what, which filters, how many rows): it is a bulk read of medical data.
 * Read from the replica when one keeps up ({@link ReplicaReads}): an export is the longest read
 * there is and tolerates seconds of staleness; the audit entry is written to the primary.
 */
public class RegistryExport {

    static final String EXPORTED = "MEDICAL_RECORDS_EXPORTED";
    private static final int FETCH_SIZE = 1_000;

    private final ReplicaReads reads;
    private final AuditLog audit;

    public RegistryExport(ReplicaReads reads, AuditLog audit) {
        this.reads = reads;
        this.audit = audit;
    }

    /**
     * Writes the header and every row of {@code query} to {@code out}, then audits the export.
     *
     * @param kind what is exported, e.g. {@code pledges}, for the audit log
     * @param filters the filters as the coordinator gave them, for the audit log
     */
    public void write(
            CurrentUser coordinator,
            String kind,
            Map<String, String> filters,
            ListQuery.Statement query,
            OutputStream out) {
        long rows = copy(query, out, done -> {});
        audit.record(
                AuditEntry.of(EXPORTED, AuditOutcome.SUCCESS)
                        .by(coordinator.id(), coordinator.role())
                        .on(kind, "export")
                        .with(Map.of("filters", filters, "rows", rows)));
    }

    /**
     * Writes the header and every row of {@code query} to {@code out} as CSV, without auditing (for
     * a background job; whoever later reads the file is audited then).
     *
     * @param progress told the number of rows written so far, after every fetch
     * @return the number of rows written
     */
    public long copy(ListQuery.Statement query, OutputStream out, LongConsumer progress) {
        BufferedWriter writer =
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CsvWriter csv = new CsvWriter(writer);
        // One source for the whole export: its cursor and transaction live on one connection.
        ReplicaReads.Source source = reads.source();
        JdbcTemplate streaming = new JdbcTemplate(source.dataSource());
        // A fetch size streams only inside a transaction (a PostgreSQL cursor).
        streaming.setFetchSize(FETCH_SIZE);
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(streaming);
        TransactionTemplate readOnly = new TransactionTemplate(source.transactions());
        readOnly.setReadOnly(true);
        return readOnly.execute(
                status ->
                        jdbc.query(
                                query.text(),
                                query.params(),
                                (ResultSetExtractor<Long>) rs -> copy(rs, csv, writer, progress)));
    }

    /**
     * How many rows {@code query} has, counting no further than {@code cap} (so deciding whether an
     * export is large costs at most the threshold's worth of rows, not the whole export).
     */
    public long count(ListQuery.Statement query, long cap) {
        Map<String, Object> params = new HashMap<>(query.params());
        params.put("countCap", cap);
        Long rows =
                new NamedParameterJdbcTemplate(reads.source().dataSource())
                        .queryForObject(
                                "select count(*) from (select 1 from ("
                                        + query.text()
                                        + ") counted limit :countCap) capped",
                                params,
                                Long.class);
        return rows == null ? 0 : rows;
    }

    private static long copy(
            ResultSet rs, CsvWriter csv, BufferedWriter writer, LongConsumer progress)
            throws SQLException {
        try {
            ResultSetMetaData meta = rs.getMetaData();
            csv.row(header(meta));
            long count = 0;
            while (rs.next()) {
                List<Object> cells = new ArrayList<>(meta.getColumnCount());
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    cells.add(rs.getObject(c));
                }
                csv.row(cells);
                count++;
                if (count % FETCH_SIZE == 0) {
                    progress.accept(count);
                }
            }
            progress.accept(count);
            writer.flush();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("the client stopped reading the export", e);
        }
    }

    private static List<Object> header(ResultSetMetaData meta) throws java.sql.SQLException {
        List<Object> names = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            names.add(meta.getColumnLabel(c));
        }
        return names;
    }
}
