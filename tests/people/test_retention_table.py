"""The retention table the privacy notice is written from is what `purge_expired_data` applies."""

import re
from pathlib import Path

from people import retention
from tests.people.minimal_record.models import VisitorBookEntry

TABLE_PAGE = Path(__file__).resolve().parents[2] / "docs" / "data-protection.md"


def table_rows():
    section = TABLE_PAGE.read_text(encoding="utf-8").split("## Retention", 1)[1]
    for line in section.split("\n## ", 1)[0].splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] not in {"What", "---"}:
            yield cells


def project_rules():
    # The test-only record (tests/people/minimal_record) is no data the portal holds.
    return [rule for rule in retention.rules() if rule is not VisitorBookEntry.retention]


def test_every_rule_is_in_the_table_with_its_period_and_setting():
    rows = {
        what: (kept_for, setting, deleted_by)
        for what, kept_for, setting, deleted_by in table_rows()
    }

    for rule in project_rules():
        assert rule.what in rows, f"{rule.what!r} is missing from docs/data-protection.md"
        kept_for, setting, deleted_by = rows[rule.what]
        assert kept_for == rule.kept_for
        assert setting == (f"`{rule.setting}`" if rule.setting else "")
        assert deleted_by == "`purge_expired_data` (daily)"


def test_every_row_the_purge_deletes_has_a_rule():
    purged = {what for what, *_, deleted_by in table_rows() if "purge_expired_data" in deleted_by}

    assert purged == {rule.what for rule in project_rules()}


def test_each_rule_s_period_comes_from_its_setting(settings):
    settings.REGISTRATION_RETENTION_DAYS = 10
    (registrations,) = [rule for rule in project_rules() if rule.what == "Event registrations"]

    assert registrations.period().days == 10
    assert re.search(r"\d", registrations.kept_for)
