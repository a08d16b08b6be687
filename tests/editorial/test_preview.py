"""Preview works for every page type, listings included, through the admin's own preview.

The admin previews in two steps, as the editor's browser does: the form is posted to the
preview address (which checks it), then the preview is fetched from the same address.
"""

import pytest
from bs4 import BeautifulSoup

from events.models import EventIndexPage, EventPage
from home.models import HomePage, StandardPage
from library.models import LibraryIndexPage, ResourcePage
from membership.models import JoinPage
from tests.editorial.helpers import event_changes, page_form_data
from tests.events.factories import EventPageFactory
from tests.home.factories import StandardPageFactory
from tests.library.factories import ResourcePageFactory


def preview(client, form_url, page_model, **changes):
    """What the editor sees in the preview panel after typing `changes` into the form."""
    data = page_form_data(client, form_url, page_model, **changes)
    preview_url = form_url + "preview/"
    checked = client.post(preview_url, data)
    assert checked.status_code == 200
    assert checked.json()["is_valid"], checked.json()
    response = client.get(preview_url)
    assert response.status_code == 200
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


@pytest.fixture
def pages(site_sections):
    event = EventPageFactory(parent=site_sections["events"], title="Published spring meeting")
    event.save_revision().publish()
    resource = ResourcePageFactory(parent=site_sections["library"], title="Published framework")
    standard = StandardPageFactory(parent=site_sections["home"], title="About the group")
    standard.save_revision().publish()
    return {**site_sections, "event": event, "resource": resource, "standard": standard}


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.parametrize(
    ("name", "page_model", "changes", "shows"),
    [
        ("home", HomePage, {"hero_title": "Draft hero title"}, ["Draft hero title"]),
        ("standard", StandardPage, {"introduction": "Draft introduction"}, ["Draft introduction"]),
        (
            "events",
            EventIndexPage,
            {"no_upcoming_text": "Unused", "title": "Draft events title"},
            ["Draft events title", "Published spring meeting"],
        ),
        ("event", EventPage, {"summary": "Draft summary of the meeting"}, ["Draft summary"]),
        (
            "library",
            LibraryIndexPage,
            {"introduction": "Draft library introduction"},
            ["Draft library introduction", "Published framework"],
        ),
        ("resource", ResourcePage, {"summary": "Draft summary of the resource"}, ["Draft summary"]),
        ("join", JoinPage, {"title": "Draft join title"}, ["Draft join title", "Full name"]),
    ],
)
def test_editor_previews_unsaved_changes_on_every_page_type(
    pages, editor_client, name, page_model, changes, shows
):
    page = pages[name]

    text = preview(editor_client, f"/admin/pages/{page.pk}/edit/", page_model, **changes)

    for words in shows:
        assert words in text, f"{page_model.__name__} preview lacks {words!r}"
    page.refresh_from_db()
    assert not page.has_unpublished_changes, "previewing saves nothing"


def test_editor_previews_a_new_event_before_saving_it(site_sections, editor_client):
    url = f"/admin/pages/add/events/eventpage/{site_sections['events'].pk}/"

    text = preview(editor_client, url, EventPage, **event_changes("Not yet saved meeting"))

    assert "Not yet saved meeting" in text
    assert not EventPage.objects.exists()


def test_preview_of_invalid_form_says_so_instead_of_failing(site_sections, editor_client):
    url = f"/admin/pages/add/events/eventpage/{site_sections['events'].pk}/"
    data = page_form_data(editor_client, url, EventPage, **event_changes(end="2030-05-06 10:00"))

    checked = editor_client.post(url + "preview/", data)

    assert checked.status_code == 200
    assert checked.json()["is_valid"] is False
