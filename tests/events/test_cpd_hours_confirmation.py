"""CPD hours longer than the event are refused unless the editor ticks that they are right."""

from datetime import timedelta

from wagtail.test.utils.form_data import querydict_from_html

from events.models import EventPage
from tests.events.factories import EventPageFactory
from tests.events.test_event_validation import admin_add_form

FIFTEEN_MINUTES = {"start": "14/04/2030 14:00", "end": "14/04/2030 14:15"}


def posted(admin_client, events_index, **changes):
    add_url, form = admin_add_form(admin_client, events_index, **changes)
    return admin_client.post(add_url, form)


def test_more_cpd_hours_than_the_event_lasts_is_refused(admin_client, events_index):
    response = posted(admin_client, events_index, cpd_hours="1.5", **FIFTEEN_MINUTES)

    assert response.status_code == 200
    assert "1.5 CPD hours is longer than the event (15 minutes)" in response.content.decode()
    assert not EventPage.objects.filter(slug="spring-meeting").exists()


def test_the_tick_confirms_hours_longer_than_the_event(admin_client, events_index):
    response = posted(
        admin_client, events_index, cpd_hours="1.5", confirm_cpd_hours="on", **FIFTEEN_MINUTES
    )

    assert response.status_code == 302
    assert EventPage.objects.get(slug="spring-meeting").cpd_hours == 1.5


def test_cpd_hours_as_long_as_the_event_need_no_tick(admin_client, events_index):
    response = posted(
        admin_client, events_index, cpd_hours="2", start="14/04/2030 14:00", end="14/04/2030 16:00"
    )

    assert response.status_code == 302


def test_a_confirmed_page_is_not_questioned_again_when_other_fields_change(
    admin_client, events_index
):
    event = EventPageFactory(parent=events_index, cpd_hours=1.5)
    event.end = event.start + timedelta(minutes=15)
    event.save_revision().publish()
    edit_url = f"/admin/pages/{event.pk}/edit/"
    form = querydict_from_html(
        admin_client.get(edit_url).content.decode(), form_id="page-edit-form"
    )
    form["summary"] = "Now with slides."
    form["body-count"] = "0"  # the body's editor is drawn by JavaScript
    form["action-publish"] = "action-publish"

    response = admin_client.post(edit_url, form)

    assert response.status_code == 302
    assert EventPage.objects.get(pk=event.pk).summary == "Now with slides."
