"""Event materials: who sees the slides and recordings, how their documents are served, and
the one email about new ones to everyone who had a place."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory
from django.utils import timezone

from events.models import EventMaterial, EventPage
from outbox.models import OutgoingEmail
from pagecache.cache import _entry_key, current_generation
from registrations import tokens
from registrations.models import Registration
from tests.library.factories import DocumentFactory
from tests.members.factories import MemberFactory
from tests.registrations.factories import RegistrationEventFactory, RegistrationFactory

AUDIENCE = EventPage.MaterialsAudience
SLIDES = "Slides: sepsis audit results"
RECORDING = "Recording of the meeting"
MATERIALS_LINK = re.compile(r"http://testserver(/registrations/materials/[^\s\"<]+/)")


@pytest.fixture
def past_event(events_index, site_settings):
    start = timezone.now().replace(second=0, microsecond=0) - timedelta(days=3)
    event = RegistrationEventFactory(
        parent=events_index, title="Winter meeting", start=start, end=start + timedelta(hours=2)
    )
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


@pytest.fixture
def slides(db):
    return DocumentFactory(title="Audit slides", file__filename="audit-slides.pdf")


def add_materials(event, *materials, audience=None):
    """Add materials to the event and publish it, as the Materials tab does."""
    event = EventPage.objects.get(pk=event.pk)
    if audience:
        event.materials_audience = audience
    for material in materials:
        event.materials.add(material)
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def with_slides(event, document, audience=None):
    return add_materials(
        event,
        EventMaterial(title=SLIDES, document=document),
        EventMaterial(title=RECORDING, link="https://vimeo.com/123456"),
        audience=audience,
    )


def member_signed_in(email="member@example.org"):
    member = MemberFactory(email=email, joined=True)
    client = Client()
    client.force_login(member.user)
    return client


def materials_emails():
    return OutgoingEmail.objects.filter(subject__startswith="Slides and recordings")


def link_in(email):
    [path] = set(MATERIALS_LINK.findall(email.text_body))
    assert path in email.html_body
    return path


# The editor's side.


def test_a_new_event_keeps_its_materials_to_people_who_registered(past_event):
    assert past_event.materials_audience == AUDIENCE.REGISTERED


def test_the_event_form_has_a_materials_tab_with_the_audience(admin_client, past_event):
    page = admin_client.get(f"/admin/pages/{past_event.pk}/edit/").content.decode()

    assert 'id="tab-label-materials"' in page
    assert "Who can see the materials" in page
    assert re.search(r'value="registered"[^>]*checked', page)
    assert "Slides and recordings" in page


def test_a_material_is_a_document_or_an_https_link(past_event, slides):
    with pytest.raises(ValidationError):
        EventMaterial(page=past_event, title="Nothing").full_clean()
    with pytest.raises(ValidationError):
        EventMaterial(page=past_event, title="Both", document=slides, link="https://a.org/").clean()
    with pytest.raises(ValidationError):
        EventMaterial(page=past_event, title="Plain", link="http://youtube.com/x").full_clean()
    EventMaterial(page=past_event, title="Recording", link="https://youtube.com/x").full_clean()


# What the event page shows to whom.


def test_materials_for_everyone_are_listed_for_anonymous_readers(client, past_event, slides):
    event = with_slides(past_event, slides, AUDIENCE.EVERYONE)

    page = client.get(event.url).content.decode()

    assert SLIDES in page
    assert "https://vimeo.com/123456" in page
    assert client.get(slides.url).status_code == 200


def test_materials_for_members_ask_anonymous_readers_to_sign_in(client, past_event, slides):
    event = with_slides(past_event, slides, AUDIENCE.MEMBERS)

    page = client.get(event.url).content.decode()

    assert SLIDES not in page
    assert "vimeo" not in page
    assert "Materials for members" in page
    assert f'href="/members/sign-in/?next={event.url}"' in page


def test_materials_for_members_are_listed_for_a_signed_in_member(past_event, slides):
    event = with_slides(past_event, slides, AUDIENCE.MEMBERS)
    member = member_signed_in()

    page = member.get(event.url).content.decode()
    [download] = re.findall(r'href="(/registrations/\d+/materials/\d+/)"', page)
    response = member.get(download)

    assert SLIDES in page
    assert "https://vimeo.com/123456" in page
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]


def test_materials_for_people_who_registered_are_not_listed_for_others(client, past_event, slides):
    event = with_slides(past_event, slides)

    anonymous = client.get(event.url).content.decode()
    member = member_signed_in().get(event.url).content.decode()

    for page in (anonymous, member):
        assert SLIDES not in page
        assert "vimeo" not in page
        assert "for people who registered" in page


def test_a_member_who_registered_sees_them_on_the_event_page(past_event, slides):
    RegistrationFactory(event=past_event, email="Member@Example.org")
    event = with_slides(past_event, slides)

    page = member_signed_in("member@example.org").get(event.url).content.decode()

    assert SLIDES in page


# Documents for a restricted audience.


@pytest.mark.parametrize("audience", [AUDIENCE.REGISTERED, AUDIENCE.MEMBERS])
def test_a_restricted_document_is_not_served_at_wagtails_public_address(
    client, past_event, slides, audience
):
    event = with_slides(past_event, slides, audience)
    [material] = [m for m in event.materials.all() if m.document_id]

    assert client.get(slides.url).status_code == 404
    assert member_signed_in().get(slides.url).status_code == 404
    assert client.get(f"/registrations/{event.pk}/materials/{material.pk}/").status_code == 403


def test_the_admin_can_still_open_a_restricted_document(admin_client, past_event, slides):
    with_slides(past_event, slides)

    assert admin_client.get(slides.url).status_code == 200


# The email to people who had a place, and their link.


def test_publishing_materials_emails_each_person_with_a_place_once(client, past_event, slides):
    attended = RegistrationFactory(
        event=past_event, email="attended@example.org", status=Registration.Status.ATTENDED
    )
    registered = RegistrationFactory(event=past_event, email="registered@example.org")
    # Full, so that publishing offers the person waiting no place.
    EventPage.objects.filter(pk=past_event.pk).update(places=2)
    for status in ("waiting", "cancelled", "unconfirmed"):
        RegistrationFactory(event=past_event, email=f"{status}@example.org", status=status)

    event = with_slides(past_event, slides)
    event.save_revision().publish()  # republished, nothing new

    emails = list(materials_emails().order_by("recipient"))
    assert [email.recipient for email in emails] == [attended.email, registered.email]
    email = emails[0]
    assert SLIDES in email.text_body
    assert RECORDING in email.html_body
    assert "secret-room" not in email.text_body  # no joining details after the event
    page = client.get(link_in(email)).content.decode()
    assert SLIDES in page
    assert "https://vimeo.com/123456" in page


def test_more_materials_later_email_only_about_what_is_new(past_event, slides):
    RegistrationFactory(event=past_event, email="alex@example.org")
    event = add_materials(past_event, EventMaterial(title=SLIDES, document=slides))

    add_materials(event, EventMaterial(title=RECORDING, link="https://youtu.be/abc"))

    first, second = materials_emails().order_by("created_at", "pk")
    assert SLIDES in first.text_body
    assert RECORDING in second.text_body
    assert SLIDES not in second.text_body


def test_the_link_downloads_the_document(client, past_event, slides):
    registration = RegistrationFactory(event=past_event)
    with_slides(past_event, slides)
    path = link_in(materials_emails().get(recipient=registration.email))

    page = client.get(path).content.decode()
    [download] = re.findall(r'href="(/registrations/materials/[^"]+/\d+/)"', page)
    response = client.get(download)

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]


def test_bad_or_borrowed_links_get_the_link_problem_page(client, past_event, events_index, slides):
    registration = RegistrationFactory(event=past_event)
    event = with_slides(past_event, slides)
    [material] = [m for m in event.materials.all() if m.document_id]
    other_event = RegistrationEventFactory(parent=events_index, title="Another")
    other_event.save_revision().publish()
    stranger = RegistrationFactory(event=other_event)
    good = tokens.materials_url(registration).rsplit("/", 2)[1]
    strangers = tokens.materials_url(stranger).rsplit("/", 2)[1]
    cancel = tokens.cancel_url(registration).rsplit("/", 2)[1]

    for path in (
        f"/registrations/materials/{good}x/",
        f"/registrations/materials/{cancel}/",
        f"/registrations/materials/{strangers}/{material.pk}/",
        f"/registrations/materials/{good}/999999/",
        "/registrations/materials/%00/",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "This link does not work" in response.content.decode()
    Registration.objects.filter(pk=registration.pk).update(status="cancelled")
    assert client.get(f"/registrations/materials/{good}/").status_code == 404


# Caching and queries.


def stored_for_the_public(path):
    request = RequestFactory().get(path)
    return cache.get(_entry_key(request, current_generation(), False))


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True


def test_the_page_cache_never_serves_restricted_materials_to_the_public(
    page_cache, past_event, slides
):
    # No form on the page, so the page cache keeps its public copy.
    EventPage.objects.filter(pk=past_event.pk).update(registration="none")
    past_event.refresh_from_db()
    event = with_slides(past_event, slides, AUDIENCE.MEMBERS)
    member = member_signed_in()

    as_member = member.get(event.url).content.decode()
    first = Client().get(event.url)
    second = Client().get(event.url)

    assert SLIDES in as_member
    assert SLIDES not in first.content.decode()
    assert SLIDES not in second.content.decode()
    stored = stored_for_the_public(event.url)
    assert stored is not None  # the public copy is cached, without the materials
    assert SLIDES.encode() not in stored.body
    assert SLIDES in member.get(event.url).content.decode()


def test_a_materials_link_is_never_stored_by_any_cache(page_cache, client, past_event, slides):
    registration = RegistrationFactory(event=past_event)
    with_slides(past_event, slides)
    path = link_in(materials_emails().get(recipient=registration.email))

    response = client.get(path)
    client.get(path)

    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert stored_for_the_public(path) is None


def test_the_event_page_with_materials_takes_a_bounded_number_of_queries(
    past_event, slides, django_assert_max_num_queries
):
    RegistrationFactory(event=past_event, email="member@example.org")
    event = add_materials(
        past_event,
        *[EventMaterial(title=f"Slides {n}", document=DocumentFactory()) for n in range(8)],
        *[EventMaterial(title=f"Recording {n}", link=f"https://youtu.be/{n}") for n in range(8)],
    )
    member = member_signed_in("member@example.org")
    member.get(event.url)

    with django_assert_max_num_queries(20):
        page = member.get(event.url).content.decode()

    assert "Slides 7" in page
    assert "Recording 7" in page


# The organisers' screen, for those who cannot edit pages.


def materials_post(event, rows, audience="registered"):
    existing = list(EventMaterial.objects.filter(page=event).order_by("sort_order", "pk"))
    data = {
        "materials_audience": audience,
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": str(len(existing)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        if index < len(existing):
            data[f"form-{index}-id"] = str(existing[index].pk)
        for name, value in row.items():
            data[f"form-{index}-{name}"] = value
    return data


def test_an_organiser_publishes_slides_and_the_people_registered_are_emailed(
    client, organiser, past_event, slides
):
    RegistrationFactory(event=past_event, email="alex@example.org")
    client.force_login(organiser)
    url = f"/admin/registrations/events/{past_event.pk}/materials/"

    assert client.get(url).status_code == 200
    response = client.post(
        url,
        materials_post(
            past_event,
            [{"title": SLIDES, "document": str(slides.pk), "link": ""}, {"title": ""}],
        ),
    )

    assert response.status_code == 302
    event = EventPage.objects.get(pk=past_event.pk)
    assert [m.title for m in event.materials.all()] == [SLIDES]
    assert event.get_latest_revision().user == organiser
    [email] = materials_emails()
    assert SLIDES in Client().get(link_in(email)).content.decode()


def test_the_organisers_screen_refuses_a_material_with_neither_document_nor_link(
    client, organiser, past_event
):
    client.force_login(organiser)
    url = f"/admin/registrations/events/{past_event.pk}/materials/"

    response = client.post(url, materials_post(past_event, [{"title": "Nothing"}]))

    plain = client.post(
        url, materials_post(past_event, [{"title": "Video", "link": "http://vimeo.com/1"}])
    )

    assert response.status_code == 200
    assert "Give a document or a link" in response.content.decode()
    assert plain.status_code == 200
    assert not EventMaterial.objects.exists()


def test_the_organisers_screen_puts_no_editors_draft_live(client, organiser, past_event, slides):
    draft = EventPage.objects.get(pk=past_event.pk)
    draft.summary = "An unapproved change"
    draft.save_revision()
    client.force_login(organiser)
    url = f"/admin/registrations/events/{past_event.pk}/materials/"

    response = client.post(
        url, materials_post(past_event, [{"title": SLIDES, "document": str(slides.pk)}])
    )

    assert "changes waiting to be published" in response.content.decode()
    assert not EventMaterial.objects.exists()
    assert EventPage.objects.get(pk=past_event.pk).summary != "An unapproved change"


def test_editors_cannot_use_the_organisers_screen(client, editor, past_event):
    client.force_login(editor)

    response = client.get(f"/admin/registrations/events/{past_event.pk}/materials/")

    assert response.status_code in (302, 403)


def test_publishing_materials_after_the_event_offers_no_one_waiting_a_place(past_event, slides):
    waiting = RegistrationFactory(event=past_event, status=Registration.Status.WAITING)

    with_slides(past_event, slides)

    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.WAITING
    assert not OutgoingEmail.objects.filter(recipient=waiting.email).exists()
