"""A new kind of record of a person gets everything the others share by declaring itself.

`tests/people/minimal_record` declares the smallest one, as the members issue's will: a model
built on `PersonRecord` with its export, a retention rule and an admin list.
"""

from datetime import timedelta
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

import pagecache.cache
from outbox.mail import deliver, queue_email
from outbox.models import OutgoingEmail
from people import personal_data
from tests.people.minimal_record.models import VisitorBookEntry


def entry(**fields):
    defaults = {
        "name": "Ada Visitor",
        "email": "ada@example.org",
        "consent_given_at": timezone.now(),
        "privacy_notice_version": "Privacy notice (/privacy/), last published 1 May 2026",
    }
    return VisitorBookEntry.objects.create(**{**defaults, **fields})


def text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.fixture
def refused_entry(db, smtp_server):
    """An entry whose email the mail server refused for good."""
    signed = entry()
    queue_email(
        recipient=signed.email, subject="Thank you", text_body="t", about=signed, send_now=False
    )
    smtp_server.refuse_recipients()
    deliver()
    smtp_server.refuse_recipients(False)
    return signed


def test_it_keeps_consent_and_a_random_key_for_its_links(db):
    first, second = entry(), entry(email="ben@example.org")

    assert first.consent_given_at is not None
    assert first.privacy_notice_version.startswith("Privacy notice")
    assert first.key and first.key != second.key


def test_its_list_shows_and_filters_email_delivery(admin_client, refused_entry):
    entry(name="Ben Delivered", email="ben@example.org")

    listing = text(admin_client.get("/admin/minimal_record/visitorbookentry/?delivery=failed"))

    assert "Email delivery" in listing
    assert "Ada Visitor" in listing
    assert "Failed: not delivered" in listing
    assert "Ben Delivered" not in listing


def test_the_dashboard_counts_its_failed_emails(admin_client, refused_entry):
    dashboard = text(admin_client.get("/admin/"))

    assert "1 visitors' book entry with a failed email" in dashboard


def test_its_failed_emails_can_be_sent_again_from_its_inspect_page(
    admin_client, refused_entry, smtp_server
):
    inspect = admin_client.get(
        f"/admin/minimal_record/visitorbookentry/inspect/{refused_entry.pk}/"
    )
    assert "Try sending again" in text(inspect)

    content_type = ContentType.objects.get_for_model(VisitorBookEntry)
    admin_client.post(f"/admin/outbox/retry/{content_type.pk}/{refused_entry.pk}/")
    deliver()

    assert refused_entry.outbox_messages().get().status == OutgoingEmail.Status.SENT
    assert [mail.envelope_to for mail in smtp_server.messages] == [["ada@example.org"]]


def test_it_is_exported_and_erased_with_everything_held_about_the_address(db):
    signed = entry(email="Ada@Example.org")
    queue_email(recipient="ada@example.org", subject="Hello", text_body="t", about=signed)
    entry(name="Someone else", email="ben@example.org")

    exported = personal_data.export("ada@example.org")
    counts = personal_data.erase("ada@example.org")

    assert exported["visitor_book"][0]["name"] == "Ada Visitor"
    assert exported["visitor_book"][0]["emails"][0]["subject"] == "Hello"
    assert counts["visitor_book"] == 1
    assert list(VisitorBookEntry.objects.values_list("name", flat=True)) == ["Someone else"]
    assert not OutgoingEmail.objects.filter(recipient="ada@example.org").exists()


def test_the_daily_purge_deletes_it_after_its_declared_period(db):
    old = entry(name="Old", signed_at=timezone.now() - timedelta(days=8))
    queue_email(recipient=old.email, subject="Old", text_body="t", about=old)
    entry(name="Recent", signed_at=timezone.now() - timedelta(days=6))

    out = StringIO()
    call_command("purge_expired_data", stdout=out)

    assert list(VisitorBookEntry.objects.values_list("name", flat=True)) == ["Recent"]
    assert not OutgoingEmail.objects.filter(subject="Old").exists()
    assert "Visitors' book entries: 1 deleted." in out.getvalue()


def test_saving_or_deleting_it_leaves_cached_pages_alone(db):
    before = pagecache.cache.current_generation()

    signed = entry()
    signed.name = "Ada Renamed"
    signed.save()
    signed.erase()

    assert pagecache.cache.current_generation() == before
