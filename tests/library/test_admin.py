import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from library.models import ResourcePage, ResourceType
from tests.library.factories import (
    DocumentFactory,
    ResourcePageFactory,
    event_index,
    event_page,
    resource_type,
    topic,
)
from tests.library.helpers import listed_titles, soup


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("url_name", "seeded"),
    [
        ("wagtailsnippets_library_resourcetype:list", "Funding opportunity"),
        ("wagtailsnippets_library_topic:list", "Knowledge mobilisation"),
    ],
)
def test_editors_manage_resource_types_and_topics_in_the_admin(client, editor, url_name, seeded):
    response = client.get(reverse(url_name))

    assert response.status_code == 200
    assert seeded in response.content.decode()


def test_an_editor_publishes_a_resource_with_a_document_topics_and_an_event(
    client, editor, library, home_page
):
    document = DocumentFactory()
    event = event_page(
        event_index(home_page),
        "Spring study day",
        datetime.datetime(2025, 3, 12, 14, tzinfo=datetime.UTC),
    )
    add_url = reverse("wagtailadmin_pages:add", args=["library", "resourcepage", library.pk])
    form = soup(client.get(add_url))
    event_label = form.select_one(
        f"label[for='{form.select_one('input[name=related_events]')['id']}']"
    )

    data = nested_form_data(
        {
            "title": "Study day slides",
            "slug": "study-day-slides",
            "summary": "Slides from the spring study day.",
            "resource_type": resource_type("presentation").pk,
            "authors": "Example speaker",
            "publication_date": "2025-03-12",
            "external_url": "",
            "citation": "",
            "doi": "https://doi.org/10.1000/example.1",
            "closing_date": "",
            "body": streamfield([]),
            "documents": inline_formset([{"document": document.pk, "label": "slides"}]),
            "action-publish": "publish",
        }
    )
    # Multiple-choice fields send one value per ticked box.
    data["topics"] = [topic("education").pk, topic("trials").pk]
    data["related_events"] = [event.pk]

    response = client.post(add_url, data)

    assert response.status_code == 302, soup(response).select(".error-message")
    resource = ResourcePage.objects.get(slug="study-day-slides")
    assert resource.live
    assert resource.doi == "10.1000/example.1"
    assert "Spring study day (12 Mar 2025)" in event_label.get_text()
    assert listed_titles(client.get(library.url, {"q": "education"})) == ["Study day slides"]
    assert "Download slides" in client.get(resource.url).content.decode()
    assert "Study day slides" in client.get(event.url).content.decode()


def test_the_admin_refuses_a_closing_date_on_a_resource_that_is_not_funding(
    client, editor, library
):
    add_url = reverse("wagtailadmin_pages:add", args=["library", "resourcepage", library.pk])

    response = client.post(
        add_url,
        nested_form_data(
            {
                "title": "A paper",
                "slug": "a-paper",
                "summary": "A paper.",
                "resource_type": resource_type("article-or-paper").pk,
                "publication_date": "2025-03-12",
                "closing_date": "2025-04-01",
                "doi": "not a doi",
                "body": streamfield([]),
                "documents": inline_formset([]),
                "action-publish": "publish",
            }
        ),
    )

    assert response.status_code == 200
    assert not ResourcePage.objects.filter(slug="a-paper").exists()
    errors = response.content.decode()
    assert "Only funding opportunities have a closing date" in errors


def test_a_resource_type_in_use_cannot_be_deleted(client, editor, library):
    ResourcePageFactory(parent=library, resource_type=resource_type("guideline"))
    guideline = resource_type("guideline")
    delete_url = reverse("wagtailsnippets_library_resourcetype:delete", args=[guideline.pk])

    response = client.post(delete_url)

    assert response.status_code == 302  # Back to the dashboard, refused; not an error page.
    assert ResourceType.objects.filter(pk=guideline.pk).exists()


def test_resources_listing_shows_type_topics_and_date_beside_their_lists(admin_client, library):
    ResourcePageFactory(
        parent=library, title="Study day slides", publication_date=datetime.date(2026, 3, 2)
    )

    response = admin_client.get("/admin/resource_pages/")

    assert response.status_code == 200
    text = " ".join(response.content.decode().split())
    assert "Study day slides" in text and "2 Mar 2026" in text
    menu = admin_client.get("/admin/").content.decode()
    for url in ["/admin/resource_pages/", "/admin/snippets/library/topic/"]:
        assert url in menu
