"""Dates and times read the way a person says them, always in UK time (GMT or BST)."""

from datetime import UTC, datetime

from django.utils import timezone

from events.dates import describe_moment, describe_when, event_ends_at
from portal.dates import UK_TIME


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def test_bst_event_is_shown_an_hour_ahead_of_utc():
    assert (
        describe_when(utc(2026, 4, 14, 13, 0), utc(2026, 4, 14, 15, 0), all_day=False)
        == "Tuesday 14 April 2026, 14:00 to 16:00 UK time"
    )


def test_gmt_event_is_shown_at_utc_time():
    assert (
        describe_when(utc(2026, 1, 13, 14, 0), utc(2026, 1, 13, 16, 0), all_day=False)
        == "Tuesday 13 January 2026, 14:00 to 16:00 UK time"
    )


def test_uk_time_is_used_whatever_the_active_time_zone():
    with timezone.override("America/New_York"):
        assert describe_when(
            utc(2026, 7, 7, 9, 0), utc(2026, 7, 7, 10, 0), all_day=False
        ).startswith("Tuesday 7 July 2026, 10:00")


def test_event_over_the_clocks_going_back_keeps_each_end_in_its_own_offset():
    # 25 October 2026: BST ends at 02:00; 00:30 BST is 23:30 UTC the day before.
    start = datetime(2026, 10, 24, 23, 30, tzinfo=UTC)
    end = datetime(2026, 10, 25, 10, 0, tzinfo=UTC)
    assert (
        describe_when(start, end, all_day=False) == "Sunday 25 October 2026, 00:30 to 10:00 UK time"
    )


def test_multi_day_event_names_both_days():
    start = datetime(2026, 6, 9, 9, 0, tzinfo=UK_TIME)
    end = datetime(2026, 6, 10, 17, 0, tzinfo=UK_TIME)
    assert (
        describe_when(start, end, all_day=False)
        == "Tuesday 9 June 2026, 09:00 to Wednesday 10 June 2026, 17:00 UK time"
    )


def test_event_with_no_length_shows_one_time():
    moment = datetime(2026, 6, 9, 9, 0, tzinfo=UK_TIME)
    assert describe_when(moment, moment, all_day=False) == "Tuesday 9 June 2026, 09:00 UK time"


def test_all_day_event_shows_the_day_without_times():
    start = datetime(2026, 6, 9, 9, 0, tzinfo=UK_TIME)
    assert describe_when(start, start, all_day=True) == "Tuesday 9 June 2026 (all day)"


def test_multi_day_all_day_event_shows_first_and_last_day():
    start = datetime(2026, 6, 9, 0, 0, tzinfo=UK_TIME)
    end = datetime(2026, 6, 11, 0, 0, tzinfo=UK_TIME)
    assert (
        describe_when(start, end, all_day=True)
        == "Tuesday 9 June to Thursday 11 June 2026 (all day)"
    )


def test_all_day_event_across_new_year_shows_both_years():
    start = datetime(2026, 12, 31, 0, 0, tzinfo=UK_TIME)
    end = datetime(2027, 1, 1, 0, 0, tzinfo=UK_TIME)
    assert (
        describe_when(start, end, all_day=True)
        == "Thursday 31 December 2026 to Friday 1 January 2027 (all day)"
    )


def test_all_day_event_in_bst_ends_at_uk_midnight_after_its_last_day():
    # Midnight UK time on 10 June is 23:00 UTC on 9 June.
    start = datetime(2026, 6, 9, 10, 0, tzinfo=UK_TIME)
    assert event_ends_at(start, start, all_day=True) == utc(2026, 6, 9, 23, 0)


def test_all_day_event_in_gmt_ends_at_utc_midnight():
    start = datetime(2026, 1, 13, 10, 0, tzinfo=UK_TIME)
    assert event_ends_at(start, start, all_day=True) == utc(2026, 1, 14, 0, 0)


def test_a_deadline_reads_as_a_day_and_a_time():
    assert describe_moment(utc(2026, 4, 7, 16, 0)) == "Tuesday 7 April 2026, 17:00 UK time"
