"""End to end: after an event, slides are added on its Materials tab and published; the
person who registered opens the link in the email they are sent and gets the slides."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.models import EventIndexPage
from outbox.models import OutgoingEmail
from tests.browser.conftest import MODERATOR_USERNAME, sign_in_as
from tests.library.factories import DocumentFactory
from tests.registrations.factories import RegistrationEventFactory, RegistrationFactory

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("no_autosave")]

SLIDES = "Example: slides from the audit results"
LINK = re.compile(r"http://[^/\s]+(/registrations/materials/[^\s\"<]+/)")


@pytest.fixture
def past_event(demo_pages):
    start = timezone.now().replace(second=0, microsecond=0) - timedelta(days=2)
    event = RegistrationEventFactory(
        parent=EventIndexPage.objects.get(),
        title="Example audit meeting",
        start=start,
        end=start + timedelta(hours=2),
    )
    event.save_revision().publish()
    RegistrationFactory(event=event, full_name="Alex Example", email="alex@example.org")
    return event


@pytest.fixture
def document(demo_pages):
    return DocumentFactory(title="Example audit slides")


def test_slides_added_after_an_event_reach_the_person_who_registered(
    moderator_account, past_event, document, page, visitor
):
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in_as(page, MODERATOR_USERNAME)
    page.goto(f"/admin/pages/{past_event.pk}/edit/")

    page.get_by_role("tab", name="Materials").click()
    # Kept to the people who registered unless the editor chooses otherwise.
    expect(page.get_by_label("People who registered", exact=True)).to_be_checked()
    page.get_by_role("button", name="Add material").click()
    page.locator("#id_materials-0-title").fill(SLIDES)
    page.get_by_role("button", name="Choose a document").click()
    chooser = page.locator(".modal")
    chooser.get_by_role("link", name=document.title).first.click()
    expect(page.locator("#id_materials-0-document-chooser .chooser__title")).to_have_text(
        document.title
    )
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url("**/admin/pages/*/")
    expect(page.locator(".messages")).to_contain_text("published")

    [email] = OutgoingEmail.objects.filter(recipient="alex@example.org", subject__contains="Slides")
    [path] = set(LINK.findall(email.text_body))

    visitor.goto(path)
    expect(visitor.get_by_role("heading", level=1)).to_contain_text("Example audit meeting")
    slides = visitor.get_by_role("link", name=SLIDES)
    expect(slides).to_be_visible()
    with visitor.expect_download() as download:
        slides.click()
    assert download.value.suggested_filename.endswith(".pdf")
    # The public, without the link, sees no slides on the event page.
    visitor.context.clear_cookies()
    visitor.goto(past_event.url)
    expect(visitor.get_by_role("heading", name="Materials")).to_be_visible()
    expect(visitor.get_by_role("link", name=SLIDES)).to_have_count(0)


def test_an_event_organiser_adds_slides_on_their_own_screen(
    account_in, past_event, document, page, visitor
):
    account_in("Event organisers")
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in_as(page, "event organisers")
    page.goto("/admin/registrations/events/")
    page.get_by_role("link", name="Materials of “Example audit meeting”").click()

    expect(page.get_by_label("People who registered", exact=True)).to_be_checked()
    page.get_by_label("Title").first.fill(SLIDES)
    page.get_by_role("button", name="Choose a document").first.click()
    page.locator(".modal").get_by_role("link", name=document.title).first.click()
    expect(page.locator("#id_form-0-document-chooser .chooser__title")).to_have_text(document.title)
    page.get_by_role("button", name="Save and publish the materials").click()
    expect(page.locator(".messages")).to_contain_text("published")

    [email] = OutgoingEmail.objects.filter(recipient="alex@example.org", subject__contains="Slides")
    [path] = set(LINK.findall(email.text_body))
    visitor.goto(path)
    expect(visitor.get_by_role("link", name=SLIDES)).to_be_visible()
