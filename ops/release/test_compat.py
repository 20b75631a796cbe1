"""The expand/contract rule of ops/release/compat.py on the kinds of migration it must tell
apart (python3 -m unittest discover -s ops/release)."""

import unittest
from pathlib import Path

from compat import RELEASE_FILE, lint, released_commit, star_reads


class ExpandContractRule(unittest.TestCase):

    def test_additive_migrations_pass(self):
        for sql in (
            "create table offer (id uuid primary key, organ text not null);",
            "alter table pledge add column centre_id uuid;",
            "alter table pledge add column source text not null default 'web';",
            "create index concurrently pledge_centre on pledge (centre_id);",
            "alter table pledge alter column notes drop not null;",
            "alter table pledge drop constraint pledge_notes_check;",
            "alter table pledge add constraint pledge_centre check (a is null or b is not null);",
            "-- a comment that says drop column x\nalter table a add column b int;",
        ):
            with self.subTest(sql=sql):
                self.assertEqual(lint(sql, "V200__x.sql"), [])

    def test_breaking_migrations_fail(self):
        for sql in (
            "drop table pledge;",
            "alter table pledge drop column notes;",
            "alter table pledge drop notes;",
            "ALTER TABLE pledge ALTER COLUMN notes DROP DEFAULT;",
            "alter table pledge rename column notes to remarks;",
            "alter table pledge rename to pledges;",
            "alter table pledge alter column weight type numeric(6,2);",
            "alter table pledge alter column notes set not null;",
            "alter table pledge add column source text not null;",
            "drop view pledge_summary;",
        ):
            with self.subTest(sql=sql):
                self.assertEqual(len(lint(sql, "V200__x.sql")), 1, sql)

    def test_a_marked_contract_step_passes(self):
        sql = "-- contract: release 0.4 stopped reading notes (expanded in V190)\n" \
              "alter table pledge drop column notes;"
        self.assertEqual(lint(sql, "V200__x.sql"), [])

    def test_any_type_change_fails_even_a_longer_varchar(self):
        # The previous release's prepared statements that read the column would fail with
        # "cached plan must not change result type".
        self.assertEqual(len(lint("alter table match_run alter column trigger type varchar(20);",
                                  "V200__x.sql")), 1)

    def test_a_column_added_to_a_table_the_previous_release_reads_with_a_star_fails(self):
        star_read = frozenset({"transplant_request"})
        added = "alter table transplant_request add column labs_due_at timestamptz;"
        self.assertEqual(len(lint(added, "V200__x.sql", star_read)), 1)
        self.assertEqual(len(lint(added.replace("add column", "add"), "V200__x.sql",
                                  star_read)), 1)
        for sql in (
            "alter table pledge add column centre_id uuid;",  # not read with a star
            "alter table transplant_request add constraint c check (urgency > 0) not valid;",
            "alter table transplant_request validate constraint c;",
        ):
            with self.subTest(sql=sql):
                self.assertEqual(lint(sql, "V200__x.sql", star_read), [])

    def test_the_tables_a_source_reads_with_a_star(self):
        java = '''
            jdbc.sql("select * from match_run where id = :id")
            """
            select r.*, p.blood_group
            from transplant_request r left join patient_profile p on p.account_id = r.patient_id
            """
            jdbc.sql("select m.* from match m", "m.created_at desc")
            jdbc.sql("select count(*) from pledge where status = 'PENDING'")
            jdbc.sql("select id, organ from donor_profile d")
        '''
        self.assertEqual(star_reads(java), {"match_run", "transplant_request", "match"})

    def test_java_migrations_are_left_to_the_smoke_check(self):
        self.assertEqual(lint("drop table pledge;", "V141__Compress.java"), [])


class ThisRelease(unittest.TestCase):

    def test_names_the_columns_it_reads(self):
        # So that the next release may add a column to any table: no "select *" and no "alias.*"
        # (a derived table, "select * from (...)", is not a table read).
        repo = Path(__file__).resolve().parents[2]
        readers = {}
        for source in repo.glob("*/src/main/java/**/*.java"):
            tables = star_reads(source.read_text())
            if tables:
                readers[str(source.relative_to(repo))] = sorted(tables)
        self.assertEqual(readers, {})


class ReleaseInService(unittest.TestCase):

    def test_the_first_line_that_is_not_a_comment_names_the_commit(self):
        self.assertEqual(released_commit("# which release\n\nccd416e v0.26.0\n"), "ccd416e")
        self.assertIsNone(released_commit("# nothing yet\n"))
        self.assertIsNone(released_commit("v0.26.0 ccd416e\n"), "a name is not a commit")

    def test_the_repository_names_a_release(self):
        self.assertIsNotNone(released_commit(RELEASE_FILE.read_text()))


if __name__ == "__main__":
    unittest.main()
