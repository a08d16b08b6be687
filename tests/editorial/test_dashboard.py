"""The admin dashboard: join requests waiting, meetings promised, next events, new resources."""

from datetime import datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from editorial.dashboard import (
    GroupMeetingsPanel,
    JoinRequestsPanel,
    RecentResourcesPanel,
    UpcomingEventsPanel,
)
from events.models import EventPage, EventType
from membership.models import JoinRequest
from portal.dates import UK_TIME
from tests.events.factories import EventPageFactory
from tests.library.factories import ResourcePageFactory
from tests.membership.factories import JoinRequestFactory

# A Tuesday in British Summer Time, so "the coming twelve months" never depends on the day.
NOW = datetime(2026, 4, 14, 12, 0, tzinfo=UK_TIME)


@pytest.fixture
def now(time_machine):
    time_machine.move_to(NOW, tick=False)
    return NOW


def panel_text(panel_class, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    html = panel_class().render_html({"request": request})
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def add_meeting(index, start, *, status=EventPage.Status.SCHEDULED, publish=True, **fields):
    meeting = EventPageFactory(
        parent=index, start=start, end=start + timedelta(hours=2), status=status, **fields
    )
    if publish:
        meeting.save_revision().publish()
    else:
        EventPage.objects.filter(pk=meeting.pk).update(live=False)
    return meeting


@pytest.fixture
def meetings_that_do_not_count(now, site_sections):
    """Meetings the group cannot count towards its promise, and an event that is no meeting."""
    index = site_sections["events"]
    soon = now + timedelta(days=30)
    add_meeting(index, soon, status=EventPage.Status.CANCELLED, title="Cancelled meeting")
    add_meeting(index, soon, status=EventPage.Status.POSTPONED, title="Postponed meeting")
    add_meeting(index, soon, publish=False, title="Draft meeting")
    add_meeting(index, now - timedelta(days=30), title="Last month's meeting")
    add_meeting(index, datetime(2027, 4, 14, 12, 0, tzinfo=UK_TIME), title="A year today")
    add_meeting(index, soon, title="Webinar", event_type=EventType.objects.get(slug="webinar"))


def add_scheduled_meetings(index, count):
    for month in range(count):
        add_meeting(index, NOW + timedelta(days=60 + 90 * month), title=f"Meeting {month + 1}")


def test_three_meetings_in_the_coming_year_bring_a_warning(
    now, site_sections, meetings_that_do_not_count, moderator, client
):
    add_scheduled_meetings(site_sections["events"], 3)

    soup = dashboard(client, moderator)

    panel = soup.find(id="group-meetings-section")
    assert panel.select_one(".help-warning")
    text = " ".join(panel.get_text(" ").split())
    assert "Only 3 group meetings are scheduled in the next twelve months" in text
    assert "promises at least 4 a year: add 1 more" in text
    assert panel.find("a", string="Add an event")


def test_four_meetings_in_the_coming_year_bring_no_warning(
    now, site_sections, meetings_that_do_not_count, moderator, client
):
    add_scheduled_meetings(site_sections["events"], 4)

    panel = dashboard(client, moderator).find(id="group-meetings-section")

    assert not panel.select_one(".help-warning")
    text = " ".join(panel.get_text(" ").split())
    assert "4 group meetings are scheduled in the next twelve months" in text


def test_no_meetings_at_all_say_so(now, site_sections, editor):
    assert "No group meetings are scheduled" in panel_text(GroupMeetingsPanel, editor)


def test_a_meeting_in_progress_counts_and_one_a_year_away_does_not(now, site_sections):
    index = site_sections["events"]
    in_progress = add_meeting(index, now - timedelta(hours=1), title="In progress")
    add_meeting(index, datetime(2027, 4, 14, 11, 59, tzinfo=UK_TIME), title="Last minute in")
    add_meeting(index, datetime(2027, 4, 14, 12, 0, tzinfo=UK_TIME), title="A year today")

    counted = {event.title for event in EventPage.objects.group_meetings_in_next_twelve_months()}

    assert counted == {in_progress.title, "Last minute in"}


def test_new_join_requests_are_shown_to_membership_and_superusers_only(
    site_sections, membership_user, editor, moderator, admin_user, client
):
    JoinRequestFactory(full_name="Alex Applicant", organisation="Example PICU")
    JoinRequestFactory(full_name="Sam Contacted", status=JoinRequest.Status.CONTACTED)

    for user in [membership_user, admin_user]:
        panel = dashboard(client, user).find(id="new-join-requests-section")
        text = " ".join(panel.get_text(" ").split())
        assert "One request is waiting for an answer" in text
        assert "Alex Applicant" in text and "Example PICU" in text
        assert "Sam Contacted" not in text
    for user in [editor, moderator]:
        soup = dashboard(client, user)
        assert not soup.find(id="new-join-requests-section")
        assert "Alex Applicant" not in soup.get_text()


def test_membership_group_is_not_shown_page_panels(site_sections, membership_user, client):
    soup = dashboard(client, membership_user)

    assert not soup.find(id="upcoming-events-section")
    assert not soup.find(id="group-meetings-section")


def test_next_events_are_listed_soonest_first_with_drafts_marked(now, site_sections, editor):
    index = site_sections["events"]
    add_meeting(index, now + timedelta(days=20), title="Later meeting")
    add_meeting(index, now + timedelta(days=10), publish=False, title="Draft study day")
    add_meeting(index, now - timedelta(days=10), title="Finished meeting")

    text = panel_text(UpcomingEventsPanel, editor)

    assert text.index("Draft study day") < text.index("Later meeting")
    assert "Draft" in text
    assert "Finished meeting" not in text


def test_recently_added_resources_are_listed_newest_first(site_sections, editor, time_machine):
    library = site_sections["library"]
    time_machine.move_to(NOW, tick=False)
    ResourcePageFactory(parent=library, title="Older resource", first_published_at=NOW)
    ResourcePageFactory(
        parent=library, title="Newer resource", first_published_at=NOW + timedelta(days=1)
    )

    text = panel_text(RecentResourcesPanel, editor)

    assert text.index("Newer resource") < text.index("Older resource")


def count_queries(panel_class, user):
    with CaptureQueriesContext(connection) as queries:
        panel_text(panel_class, user.__class__.objects.get(pk=user.pk))
    return len(queries)


@pytest.mark.parametrize(
    "panel_class",
    [JoinRequestsPanel, GroupMeetingsPanel, UpcomingEventsPanel, RecentResourcesPanel],
)
def test_each_panel_runs_the_same_queries_for_one_item_or_many(
    now, site_sections, admin_user, panel_class
):
    index, library = site_sections["events"], site_sections["library"]
    add_meeting(index, now + timedelta(days=5))
    ResourcePageFactory(parent=library)
    JoinRequestFactory()
    with_one = count_queries(panel_class, admin_user)

    for day in range(8):
        add_meeting(index, now + timedelta(days=6 + day))
        ResourcePageFactory(parent=library)
        JoinRequestFactory()
    with_many = count_queries(panel_class, admin_user)

    assert with_one == with_many <= 3


def test_moderators_see_pages_awaiting_their_review_first(site_sections, editor, moderator, client):
    event = EventPageFactory(parent=site_sections["events"], title="Submitted meeting")
    event.save_revision(user=editor)
    event.get_workflow().start(event, editor)

    soup = dashboard(client, moderator)

    headings = [heading.get_text(" ", strip=True) for heading in soup.select("main h2")]
    panels = [h for h in headings if "Awaiting your review" in h or h.startswith("Next events")]
    assert "Awaiting your review" in panels[0]
    assert "Submitted meeting" in soup.get_text()
