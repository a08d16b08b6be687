"""The demo content's events page: the group's own words and clearly marked example events."""

from datetime import timedelta
from itertools import pairwise

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.rich_text import RichText

from demo.events import build_events
from demo.group_text import read_group_text
from events.models import EventIndexPage, EventPage


@pytest.fixture
def demo_events(home_page):
    """Only the events part of the demo, on the minimal test site: quicker than the whole demo."""
    return build_events(home_page, read_group_text())


def test_events_page_introduction_is_the_groups_meetings_text_word_for_word(client, demo_home):
    index = EventIndexPage.objects.get()
    meetings = read_group_text().meetings

    soup = BeautifulSoup(client.get(index.url).content, "html.parser")

    assert meetings == (
        "Meetings or educational events will be held at least four times per year. Contact "
        "the group leads to receive notification of upcoming meetings."
    )
    assert soup.select_one(".lead").get_text(" ", strip=True) == meetings
    assert index.show_in_menus
    assert index.get_parent().specific == demo_home


def test_demo_has_a_year_of_quarterly_meetings_and_some_educational_events(demo_events):
    events = EventPage.objects.all()
    meetings = events.group_meetings()

    assert meetings.count() == 4
    assert 2 <= events.exclude(pk__in=meetings).count() <= 4
    starts = sorted(meetings.values_list("start", flat=True))
    assert all(
        timedelta(days=80) <= later - earlier <= timedelta(days=100)
        for earlier, later in pairwise(starts)
    )


def test_demo_events_are_mostly_upcoming_and_some_past(demo_events):
    upcoming = EventPage.objects.upcoming().count()
    past = EventPage.objects.past().count()

    assert past >= 1
    assert upcoming > past


def test_every_demo_event_says_it_is_an_example(demo_events):
    for event in EventPage.objects.all():
        assert "Example event for the demonstration site" in event.summary
        assert "(example)" in event.title


def test_demo_events_are_not_duplicated_or_overwritten_when_loaded_again(demo_home):
    event = EventPage.objects.first()
    event.title = "Changed by an editor (example)"
    event.save_revision().publish()
    count = EventPage.objects.count()

    call_command("load_demo_content")

    assert EventPage.objects.count() == count
    assert EventPage.objects.get(pk=event.pk).title == "Changed by an editor (example)"


def test_demo_events_show_an_example_agenda_or_programme(client, demo_events):
    for event in EventPage.objects.live():
        soup = BeautifulSoup(client.get(event.url).content, "html.parser")
        heading = soup.select_one(".page-body h2").get_text(strip=True)
        assert heading in {"Agenda (example)", "Programme (example)"}
        assert isinstance(event.body[1].value, RichText)
