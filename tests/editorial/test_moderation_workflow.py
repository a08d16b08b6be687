"""An Editor's event goes live only once a Moderator approves it in the moderation workflow."""

import pytest
from bs4 import BeautifulSoup

from events.models import EventPage
from tests.editorial.helpers import event_changes, page_form_data


@pytest.fixture
def submitted_event(site_sections, editor, client):
    """An event an Editor has written and sent to the Moderators."""
    client.force_login(editor)
    url = f"/admin/pages/add/events/eventpage/{site_sections['events'].pk}/"
    data = page_form_data(client, url, EventPage, **event_changes("Summer group meeting"))
    data["action-submit"] = "Submit to Moderators approval"
    response = client.post(url, data)
    assert response.status_code == 302
    client.logout()
    return EventPage.objects.get(title="Summer group meeting")


def workflow_action(client, event, action):
    task_state = event.current_workflow_task_state
    return client.post(f"/admin/pages/workflow/action/{event.pk}/{action}/{task_state.pk}/", {})


def test_submitted_event_waits_for_moderators_unseen_by_readers(submitted_event, client):
    assert not submitted_event.live
    assert submitted_event.workflow_in_progress
    assert submitted_event.current_workflow_task.name == "Moderators approval"
    assert client.get("/events/summer-group-meeting/").status_code == 404
    assert "Summer group meeting" not in client.get("/events/").content.decode()


def test_moderator_sees_it_on_the_dashboard_and_approves_it_live(
    submitted_event, moderator, client
):
    client.force_login(moderator)
    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")
    assert "Summer group meeting" in dashboard.find(id="awaiting-review-section").get_text()

    response = workflow_action(client, submitted_event, "approve")

    assert response.status_code in (200, 302)
    submitted_event.refresh_from_db()
    assert submitted_event.live
    assert not submitted_event.workflow_in_progress
    client.logout()
    listing = client.get("/events/")
    assert "Summer group meeting" in listing.content.decode()


def test_editor_sees_it_waiting_but_cannot_approve_it(submitted_event, editor, client):
    client.force_login(editor)
    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")
    assert not dashboard.find(id="awaiting-review-section")
    assert "Summer group meeting" in dashboard.find(id="objects-in-workflow-section").get_text()

    response = workflow_action(client, submitted_event, "approve")

    assert response.status_code in (302, 403)
    submitted_event.refresh_from_db()
    assert not submitted_event.live
    assert submitted_event.workflow_in_progress


def test_moderator_can_send_it_back_for_changes(submitted_event, moderator, client):
    client.force_login(moderator)

    workflow_action(client, submitted_event, "reject")

    submitted_event.refresh_from_db()
    assert not submitted_event.live
    assert not submitted_event.workflow_in_progress
    assert submitted_event.workflow_states.get().status == "needs_changes"
