"""Go-live and expiry dates take effect when `manage.py publish_scheduled` runs.

A deployment runs that command every few minutes (see the README); these tests run it by hand
at the moments a scheduler would.
"""

from datetime import datetime

import pytest
from django.core.management import call_command

from events.models import EventPage
from portal.dates import UK_TIME
from tests.editorial.helpers import event_changes, page_form_data
from tests.events.factories import EventPageFactory

WRITTEN = datetime(2026, 4, 14, 12, 0, tzinfo=UK_TIME)
GO_LIVE = "2026-04-20 09:00"
EXPIRY = "2026-06-01 00:00"


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(WRITTEN, tick=False)
    return time_machine


def publish_with_schedule(client, url, **changes):
    data = page_form_data(client, url, EventPage, **changes)
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:500]


def test_page_with_a_go_live_date_appears_only_once_the_command_runs(
    clock, site_sections, moderator, client
):
    client.force_login(moderator)
    url = f"/admin/pages/add/events/eventpage/{site_sections['events'].pk}/"
    publish_with_schedule(client, url, **event_changes("Scheduled meeting"), go_live_at=GO_LIVE)
    event = EventPage.objects.get(title="Scheduled meeting")
    assert not event.live
    assert event.revisions.filter(approved_go_live_at__isnull=False).exists()

    clock.move_to(datetime(2026, 4, 20, 8, 55, tzinfo=UK_TIME))
    call_command("publish_scheduled")
    event.refresh_from_db()
    assert not event.live, "not before its time"

    clock.move_to(datetime(2026, 4, 20, 9, 5, tzinfo=UK_TIME))
    call_command("publish_scheduled")
    event.refresh_from_db()
    assert event.live
    client.logout()
    assert "Scheduled meeting" in client.get("/events/").content.decode()


def test_page_with_an_expiry_date_is_unpublished_once_the_command_runs(
    clock, site_sections, moderator, client
):
    event = EventPageFactory(parent=site_sections["events"], title="Expiring notice")
    event.save_revision().publish()
    client.force_login(moderator)
    publish_with_schedule(client, f"/admin/pages/{event.pk}/edit/", expire_at=EXPIRY)
    event.refresh_from_db()
    assert event.live

    clock.move_to(datetime(2026, 6, 1, 0, 5, tzinfo=UK_TIME))
    call_command("publish_scheduled")

    event.refresh_from_db()
    assert not event.live
    assert event.expired
    client.logout()
    assert client.get(event.url).status_code == 404
