"""Changes that reach published pages without review are for Moderators: replacing the file of
an image or document a live page uses, and changing which event types are group meetings."""

import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.models import Collection, ReferenceIndex
from wagtail_factories import DocumentFactory, ImageFactory

from events.models import EventType
from tests.home.factories import StandardPageFactory


def png(colour):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), colour).save(buffer, "PNG")
    return SimpleUploadedFile("new.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def live_image(site_sections):
    image = ImageFactory(title="Ward round", collection=Collection.get_first_root_node())
    page = StandardPageFactory(
        parent=site_sections["home"],
        body=json.dumps(
            [
                {
                    "type": "image",
                    "value": {
                        "image": {"image": image.pk, "decorative": True, "alt_text": ""},
                        "caption": "",
                    },
                }
            ]
        ),
    )
    page.save_revision().publish()
    ReferenceIndex.create_or_update_for_object(page)
    return image


@pytest.fixture
def live_document(site_sections):
    document = DocumentFactory(title="Protocol", collection=Collection.get_first_root_node())
    page = StandardPageFactory(
        parent=site_sections["home"],
        body=json.dumps([{"type": "document", "value": {"document": document.pk, "label": ""}}]),
    )
    page.save_revision().publish()
    ReferenceIndex.create_or_update_for_object(page)
    return document


def edit_image(client, image, new_file):
    return client.post(
        f"/admin/images/{image.pk}/",
        {"title": image.title, "collection": image.collection_id, "tags": "", "file": new_file},
    )


def test_an_editor_cannot_replace_the_file_of_an_image_a_live_page_shows(
    live_image, editor, client_for
):
    client = client_for(editor)
    original = live_image.file.name

    form = BeautifulSoup(client.get(f"/admin/images/{live_image.pk}/").content, "html.parser")
    assert form.find("input", {"name": "file"}).has_attr("disabled")
    assert "only a moderator can replace its file" in form.get_text()

    edit_image(client, live_image, png("red"))

    live_image.refresh_from_db()
    assert live_image.file.name == original


def test_a_moderator_can_replace_it(live_image, moderator, client_for):
    original = live_image.file.name

    edit_image(client_for(moderator), live_image, png("blue"))

    live_image.refresh_from_db()
    assert live_image.file.name != original


def test_an_editor_can_replace_the_file_of_an_image_no_live_page_uses(
    site_sections, editor, client_for
):
    image = ImageFactory(title="Unused", collection=Collection.get_first_root_node())
    original = image.file.name

    edit_image(client_for(editor), image, png("green"))

    image.refresh_from_db()
    assert image.file.name != original


def test_an_editor_cannot_replace_the_file_of_a_document_a_live_page_links(
    live_document, editor, client_for
):
    original = live_document.file.name

    client_for(editor).post(
        f"/admin/documents/edit/{live_document.pk}/",
        {
            "title": live_document.title,
            "collection": live_document.collection_id,
            "tags": "",
            "file": SimpleUploadedFile("new.pdf", b"%PDF-1.4 new", content_type="application/pdf"),
        },
    )

    live_document.refresh_from_db()
    assert live_document.file.name == original


@pytest.mark.parametrize(("role", "changed"), [("editor", False), ("moderator", True)])
def test_only_a_moderator_can_change_which_event_types_are_group_meetings(
    db, request, client_for, role, changed
):
    event_type = EventType.objects.filter(is_group_meeting=False).first()
    client = client_for(request.getfixturevalue(role))

    form = client.get(f"/admin/snippets/events/eventtype/edit/{event_type.pk}/").content.decode()
    assert ('name="is_group_meeting"' in form) is changed

    client.post(
        f"/admin/snippets/events/eventtype/edit/{event_type.pk}/",
        {"name": event_type.name, "slug": event_type.slug, "is_group_meeting": "on"},
    )

    event_type.refresh_from_db()
    assert event_type.is_group_meeting is changed
