"""Editors type dates the UK way; what the admin cannot read, or a start already past, is
refused with a message rather than saved as something else."""

from datetime import datetime, timedelta

from wagtail.test.utils.form_data import querydict_from_html

from events.dates import UK_TIME, uk
from events.models import EventPage
from tests.events.factories import EventPageFactory
from tests.events.test_event_validation import admin_add_form


def posted(admin_client, events_index, **changes):
    add_url, form = admin_add_form(admin_client, events_index, **changes)
    return admin_client.post(add_url, form)


def test_uk_date_and_24_hour_time_save_as_uk_time(admin_client, events_index):
    response = posted(admin_client, events_index, start="10/05/2037 14:00", end="10/05/2037 16:30")

    assert response.status_code == 302
    event = EventPage.objects.get(slug="spring-meeting")
    assert uk(event.start) == datetime(2037, 5, 10, 14, 0, tzinfo=UK_TIME)
    assert uk(event.end) == datetime(2037, 5, 10, 16, 30, tzinfo=UK_TIME)


def test_edit_form_shows_dates_the_uk_way(admin_client, events_index):
    event = EventPageFactory(
        parent=events_index, start=datetime(2037, 5, 10, 14, 0, tzinfo=UK_TIME)
    )

    html = admin_client.get(f"/admin/pages/{event.pk}/edit/").content.decode()

    assert 'value="10/05/2037 14:00"' in html


def test_unreadable_time_is_refused_with_the_expected_form_not_saved(admin_client, events_index):
    response = posted(admin_client, events_index, start="2037-05-10 4pm")

    assert response.status_code == 200
    assert "e.g. 10/05/2027 14:00" in response.content.decode()
    assert not EventPage.objects.filter(slug="spring-meeting").exists()


def test_start_in_the_past_is_refused_without_the_past_event_tick(admin_client, events_index):
    yesterday = uk(datetime.now(tz=UK_TIME) - timedelta(days=1)).strftime("%d/%m/%Y")

    response = posted(
        admin_client, events_index, start=f"{yesterday} 10:00", end=f"{yesterday} 11:00"
    )

    assert response.status_code == 200
    assert "This start is in the past" in response.content.decode()
    assert not EventPage.objects.filter(slug="spring-meeting").exists()


def test_record_of_a_past_event_is_published_with_the_tick(admin_client, events_index):
    yesterday = uk(datetime.now(tz=UK_TIME) - timedelta(days=1)).strftime("%d/%m/%Y")

    response = posted(
        admin_client,
        events_index,
        start=f"{yesterday} 10:00",
        end=f"{yesterday} 11:00",
        past_event_record="on",
    )

    assert response.status_code == 302
    assert EventPage.objects.get(slug="spring-meeting").live


def test_all_day_event_entered_on_its_own_day_needs_no_tick(admin_client, events_index):
    today = datetime.now(tz=UK_TIME).strftime("%d/%m/%Y")

    response = posted(
        admin_client,
        events_index,
        start=f"{today} 00:00",
        end=f"{today} 00:00",
        all_day="on",
    )

    assert response.status_code == 302


def test_editing_an_event_under_way_needs_no_tick(admin_client, events_index, now):
    event = EventPageFactory(
        parent=events_index, start=now - timedelta(hours=1), end=now + timedelta(hours=2)
    )
    edit_url = f"/admin/pages/{event.pk}/edit/"
    html = admin_client.get(edit_url).content.decode()
    form = querydict_from_html(html, form_id="page-edit-form")
    form["title"] = "Corrected title"
    form["body-count"] = "0"
    form["action-publish"] = "action-publish"

    response = admin_client.post(edit_url, form)

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Corrected title"


def test_status_note_is_a_multi_line_box(admin_client, events_index):
    html = admin_client.get(
        f"/admin/pages/add/events/eventpage/{events_index.pk}/"
    ).content.decode()

    assert '<textarea name="status_note"' in html
