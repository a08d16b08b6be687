"""Certificates stay within reach of export and erasure requests for their whole retention."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from people import personal_data
from registrations import certificates, tokens
from registrations.models import Certificate, Registration
from tests.registrations.factories import RegistrationFactory


def path_of(url):
    return url.removeprefix("http://testserver")


@pytest.fixture
def purged_certificate(event, time_machine):
    """Alex's certificate, a year and a day after the event, once the registrations are gone."""
    registration = RegistrationFactory(
        event=event, full_name="Alex Example", email="alex@example.org", status="attended"
    )
    certificate = certificates.issue(registration)
    others = certificates.issue(
        RegistrationFactory(event=event, full_name="Sam Other", status="attended")
    )
    time_machine.move_to(event.end + timedelta(days=366))
    call_command("purge_expired_data", stdout=StringIO())
    assert not Registration.objects.exists()
    return certificate, others


def test_an_export_finds_a_certificate_whose_registration_was_purged(purged_certificate):
    certificate, _ = purged_certificate

    exported = personal_data.export(" Alex@Example.org ")

    assert [c["number"] for c in exported["cpd_certificates"]] == [certificate.number]
    assert exported["cpd_certificates"][0]["name"] == "Alex Example"
    assert personal_data.export("someone@example.org")["cpd_certificates"] == []


def test_the_certificate_keeps_a_keyed_hash_not_the_address(purged_certificate):
    certificate, _ = purged_certificate
    certificate.refresh_from_db()

    kept = " ".join(
        str(value) for value in Certificate.objects.values().get(pk=certificate.pk).values()
    )
    assert "alex@example.org" not in kept.lower()
    assert len(certificate.email_digest) == 64


def test_erasure_removes_the_name_and_the_verification_page_says_so(client, purged_certificate):
    certificate, others = purged_certificate
    download = path_of(tokens.certificate_download_url(certificate))

    erased = personal_data.erase("alex@example.org")

    assert erased["cpd_certificates"] == 1
    page = client.get(f"/certificates/{certificate.number}/")
    assert page.status_code == 410
    assert "This certificate's record was removed" in page.content.decode()
    assert "Alex Example" not in page.content.decode()
    assert client.get(download).status_code == 404
    assert personal_data.export("alex@example.org")["cpd_certificates"] == []
    # Nobody else's certificate is touched.
    assert (
        "This certificate is genuine"
        in client.get(f"/certificates/{others.number}/").content.decode()
    )


def test_a_certificate_is_found_after_the_secret_key_is_rotated(purged_certificate, settings):
    certificate, _ = purged_certificate
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-key-after-rotation"

    exported = personal_data.export("alex@example.org")

    assert [c["number"] for c in exported["cpd_certificates"]] == [certificate.number]
