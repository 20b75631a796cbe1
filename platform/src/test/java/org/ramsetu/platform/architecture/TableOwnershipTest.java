package org.ramsetu.platform.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table of the platform has one owning module, and a module's SQL names only its own tables
 * (ADR 0031): another module's data is read through the owner's Java face, so a table can change
 * with its owner alone. Spring Modulith sees types, not SQL text; this test reads the SQL in the
 * platform's string literals.
 *
 * <p>Where a read must join another module's data in one statement (a directory searched by name
 * and filtered by place), the owner publishes a view ({@link #PUBLISHED_VIEWS}) whose columns its
 * migrations keep; others read the view and never write it.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/org/ramsetu/platform");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** The module that creates, writes and answers for each table. */
    static final Map<String, String> OWNERS =
            Map.ofEntries(
                    Map.entry("account", "accounts"),
                    Map.entry("account_second_factor", "accounts"),
                    Map.entry("one_time_code", "accounts"),
                    Map.entry("recovery_code", "accounts"),
                    Map.entry("refresh_token", "accounts"),
                    Map.entry("revoked_session", "accounts"),
                    Map.entry("audit_event", "audit"),
                    Map.entry("audit_chain", "audit"),
                    Map.entry("idempotency_key", "web"),
                    Map.entry("donor_profile", "registry"),
                    Map.entry("patient_profile", "registry"),
                    Map.entry("pledge", "registry"),
                    Map.entry("transplant_request", "registry"),
                    Map.entry("transplant_request_labs", "registry"),
                    Map.entry("candidate_generation", "registry"),
                    Map.entry("candidate_change", "registry"),
                    Map.entry("pledge_status_count", "registry"),
                    Map.entry("nightly_recompute_run", "registry"),
                    Map.entry("document", "documents"),
                    Map.entry("donation_case", "donation"),
                    Map.entry("transplant_centre", "centres"),
                    Map.entry("centre_coordinator", "centres"),
                    Map.entry("match_run", "matching"),
                    Map.entry("match", "matching"),
                    Map.entry("match_run_reprocessing", "matching"),
                    Map.entry("allocation_run", "allocation"),
                    Map.entry("waiting_list_generation", "registry"),
                    Map.entry("waiting_list_change", "registry"),
                    Map.entry("allocation_run_reprocessing", "allocation"),
                    Map.entry("offer_sequence", "allocation"),
                    Map.entry("organ_offer", "allocation"),
                    Map.entry("registry_report", "reporting"),
                    Map.entry("report_export", "reporting"),
                    Map.entry("reminder_digest", "reminders"),
                    Map.entry("reprocessing_batch", "reprocessing"),
                    Map.entry("model_version_seen", "reprocessing"));

    /**
     * Views a module publishes for the others to read: its published columns, kept by its
     * migrations, while its tables stay its own. No module writes a view.
     */
    static final Map<String, String> PUBLISHED_VIEWS =
            Map.of("account_holder", "accounts", "listing_centre", "centres");

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)create table (?:if not exists )?([a-z_]+)");
    private static final Pattern CREATE_VIEW =
            Pattern.compile("(?i)create (?:or replace )?view ([a-z_]+)");

    // Read left to right, so that a comment inside a string is text and a quote inside a comment
    // is not a string: comments, character literals, text blocks (group 1), strings (group 2).
    private static final Pattern TOKENS =
            Pattern.compile(
                    "//[^\\n]*|/\\*.*?\\*/|'(?:[^'\\\\\\n]|\\\\.)+'"
                            + "|\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
                    Pattern.DOTALL);

    @Test
    void everyTableTheMigrationsCreateHasOneOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Matcher m = CREATE_TABLE.matcher(Files.readString(file));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        assertThat(created).hasSizeGreaterThan(20);
        assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void everyViewTheMigrationsCreateIsPublishedByItsOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Matcher m = CREATE_VIEW.matcher(Files.readString(file));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        assertThat(PUBLISHED_VIEWS.keySet()).containsExactlyInAnyOrderElementsOf(created);
        assertThat(OWNERS.values()).containsAll(PUBLISHED_VIEWS.values());
    }

    @Test
    void noModuleReadsAnotherModulesTablesNorWritesAPublishedView() throws IOException {
        Map<String, Set<String>> foreign = new TreeMap<>();
        Map<String, Set<String>> viewsWritten = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                if (!relative.contains("/")) {
                    continue; // the platform's own configuration, above every module
                }
                String module = relative.substring(0, relative.indexOf('/'));
                String source = Files.readString(file);
                Set<String> others =
                        tablesNamed(source).stream()
                                .filter(table -> !module.equals(OWNERS.get(table)))
                                .collect(Collectors.toCollection(TreeSet::new));
                if (!others.isEmpty()) {
                    foreign.put(relative, others);
                }
                Set<String> written = viewsWritten(source);
                if (!written.isEmpty()) {
                    viewsWritten.put(relative, written);
                }
            }
        }
        assertThat(foreign)
                .as(
                        "a module reads another module's tables: use the owner's face, or a view"
                                + " it publishes (docs/adr/0031-feature-modules-with-spring-modulith.md)")
                .isEmpty();
        assertThat(viewsWritten).as("SQL that writes a published view").isEmpty();
    }

    @Test
    void noSqlNamesItsTableAtRunTime() throws IOException {
        Map<String, Integer> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                int count = tablesNamedAtRunTime(Files.readString(file));
                if (count > 0) {
                    found.put(SOURCES.relativize(file).toString().replace('\\', '/'), count);
                }
            }
        }
        assertThat(found)
                .as(
                        "SQL whose table is a variable cannot be checked for its owner: name the"
                                + " table in the statement")
                .isEmpty();
    }

    @Test
    void theScanFindsTablesInSqlButNotInComments() {
        String source =
                """
                /** Moved from pledge to match_run when approved. */
                class Planted {
                    // update account set ...
                    static final String A = "select id from pledge p join donor_profile d on true";
                    static final String B = \"""
                        insert into match_run (id) values (:id)
                        \""";
                    static final String C = "see https://example.org/ from the update account page";
                    static final char QUOTE = '"';
                    static final String D = "the match was approved";
                    void lock(String table) {
                        jdbc.sql("select id from " + table + " where id = :id for update");
                    }
                }
                """;

        assertThat(tablesNamed(source))
                .containsExactlyInAnyOrder("pledge", "donor_profile", "match_run", "account");
        assertThat(tablesNamedAtRunTime(source)).isOne();
    }

    @Test
    void theScanFindsAWrittenViewButNotARead() {
        String source =
                """
                class Planted {
                    static final String READ = "select full_name from account_holder where id = :id";
                    static final String WRITE = "update account_holder set full_name = :n";
                }
                """;

        assertThat(tablesNamed(source)).isEmpty();
        assertThat(viewsWritten(source)).containsExactly("account_holder");
        assertThat(viewsWritten("class A { String s = \"select * from account_holder\"; }"))
                .isEmpty();
    }

    /** The published views that the SQL in a source's string literals writes. */
    static Set<String> viewsWritten(String source) {
        return named(
                source,
                "(?i)\\b(?:update|into|delete\\s+from)\\s+("
                        + String.join("|", PUBLISHED_VIEWS.keySet())
                        + ")\\b");
    }

    /** String literals that end where a table's name would follow ({@code "... from " + table}). */
    static int tablesNamedAtRunTime(String source) {
        // SQL (it starts as a statement) that ends where the table's name would follow.
        Pattern open =
                Pattern.compile(
                        "(?is)^\\s*(?:select|update|insert|delete|with|lock)\\b.*"
                                + "\\b(?:from|join|update|into|table)\\s+$");
        int count = 0;
        Matcher token = TOKENS.matcher(source);
        while (token.find()) {
            if (token.group(2) != null && open.matcher(token.group(2)).find()) {
                count++;
            }
        }
        return count;
    }

    /** The known tables that the SQL in a source's string literals names. */
    static Set<String> tablesNamed(String source) {
        return named(
                source,
                "(?i)\\b(?:from|join|update|into|table)\\s+("
                        + String.join("|", OWNERS.keySet())
                        + ")\\b");
    }

    /** The names {@code pattern}'s first group finds in the SQL of a source's string literals. */
    private static Set<String> named(String source, String pattern) {
        Pattern name = Pattern.compile(pattern);
        Set<String> names = new TreeSet<>();
        Matcher token = TOKENS.matcher(source);
        while (token.find()) {
            String sql = token.group(1) != null ? token.group(1) : token.group(2);
            if (sql == null) {
                continue; // a comment or a character literal
            }
            Matcher m = name.matcher(sql);
            while (m.find()) {
                names.add(m.group(1).toLowerCase());
            }
        }
        return names;
    }
}
