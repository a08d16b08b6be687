"""Editors add trial summaries through the admin: previews show unsaved choices, and a
mistyped registry number or DOI is refused with a message next to the field."""

import pytest
from bs4 import BeautifulSoup

from tests.editorial.helpers import page_form_data
from tests.library.factories import ResourcePageFactory
from tests.trials.factories import TrialIndexPageFactory
from trials.models import TrialPage


@pytest.fixture
def add_url(site_sections):
    index = TrialIndexPageFactory(parent=site_sections["home"])
    return f"/admin/pages/add/trials/trialpage/{index.pk}/"


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def trial_changes(**changes):
    return {
        "title": "Example trial",
        "slug": "example-trial",
        "acronym": "EXT",
        "summary": "The bottom line.",
        "question": "Does it work?",
        "findings": '{"blocks": [{"key": "a", "type": "unstyled", "text": "It did.", '
        '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
        "implications": '{"blocks": [{"key": "b", "type": "unstyled", "text": "Use it.", '
        '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
        "stage": "local_protocols",
        "last_reviewed": "2026-01-10",
        "review_by": "2028-01-10",
        **changes,
    }


def with_resource(data, resource):
    data["implementation_resources-TOTAL_FORMS"] = "1"
    data["implementation_resources-0-resource"] = str(resource.pk)
    data["implementation_resources-0-ORDER"] = "1"
    data["implementation_resources-0-id"] = ""
    data["implementation_resources-0-DELETE"] = ""
    return data


def test_a_preview_shows_the_resources_chosen_before_saving(editor_client, add_url, site_sections):
    resource = ResourcePageFactory(parent=site_sections["library"], title="Audit tool")
    data = with_resource(
        page_form_data(editor_client, add_url, TrialPage, **trial_changes()), resource
    )

    checked = editor_client.post(add_url + "preview/", data)
    assert checked.json()["is_valid"], checked.json()
    text = BeautifulSoup(editor_client.get(add_url + "preview/").content, "html.parser").get_text()

    assert "Audit tool" in text
    assert "It did." in text
    assert not TrialPage.objects.exists()


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("isrctn", "ISRCTN123", "e.g. ISRCTN12345678"),
        ("nct_number", "NCT-12", "e.g. NCT01234567"),
        ("result_doi", "doi 10/abc", "Enter a DOI such as 10.1186/1748-5908-7-37."),
    ],
)
def test_a_mistyped_identifier_is_refused_with_an_example(
    editor_client, add_url, field, typed, message
):
    data = page_form_data(editor_client, add_url, TrialPage, **trial_changes(**{field: typed}))

    response = editor_client.post(add_url, data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not TrialPage.objects.exists()


def test_a_pasted_registry_link_is_saved_as_the_number(editor_client, add_url):
    data = page_form_data(
        editor_client,
        add_url,
        TrialPage,
        **trial_changes(isrctn="https://www.isrctn.com/ISRCTN12345678"),
    )

    response = editor_client.post(add_url, data)

    assert response.status_code == 302
    assert TrialPage.objects.get().isrctn == "ISRCTN12345678"
