"""The expand/contract rule of ops/release/compat.py on the kinds of migration it must tell
apart (python3 -m unittest discover -s ops/release)."""

import unittest

from compat import lint


class ExpandContractRule(unittest.TestCase):

    def test_additive_migrations_pass(self):
        for sql in (
            "create table offer (id uuid primary key, organ text not null);",
            "alter table pledge add column centre_id uuid;",
            "alter table pledge add column source text not null default 'web';",
            "create index concurrently pledge_centre on pledge (centre_id);",
            "alter table pledge alter column notes drop not null;",
            "alter table pledge drop constraint pledge_notes_check;",
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

    def test_java_migrations_are_left_to_the_smoke_check(self):
        self.assertEqual(lint("drop table pledge;", "V141__Compress.java"), [])


if __name__ == "__main__":
    unittest.main()
