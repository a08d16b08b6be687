"""Retention, export and erasure of registrations; certificates are kept longer."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command

from outbox.models import OutgoingEmail
from people import personal_data
from registrations import certificates, emails
from registrations.models import Certificate, Registration
from tests.registrations.factories import RegistrationFactory


def test_registrations_go_a_year_after_the_event_and_certificates_stay(event, time_machine):
    registration = RegistrationFactory(event=event, status="attended")
    certificate = certificates.issue(registration)

    time_machine.move_to(event.end + timedelta(days=364))
    call_command("purge_expired_data", stdout=StringIO())
    assert Registration.objects.exists()

    time_machine.move_to(event.end + timedelta(days=366))
    call_command("purge_expired_data", stdout=StringIO())
    assert not Registration.objects.exists()
    assert Certificate.objects.get().number == certificate.number

    time_machine.move_to(event.end + timedelta(days=6 * 365 + 1))
    call_command("purge_expired_data", stdout=StringIO())
    assert not Certificate.objects.exists()


def test_the_portal_wide_export_and_erasure_cover_registrations_and_certificates(event):
    registration = RegistrationFactory(event=event, email="alex@example.org", status="attended")
    certificates.issue(registration)
    emails.queue_confirmation(registration)
    RegistrationFactory(event=event)

    exported = personal_data.export("Alex@Example.org")
    assert exported["event_registrations"][0]["event"] == "Spring meeting"
    assert len(exported["cpd_certificates"]) == 1

    erased = personal_data.erase("alex@example.org")
    assert (erased["event_registrations"], erased["cpd_certificates"]) == (1, 1)
    assert Registration.objects.count() == 1
    assert not OutgoingEmail.objects.filter(recipient="alex@example.org").exists()


def test_a_request_never_confirmed_goes_once_its_event_has_ended(event, time_machine):
    unconfirmed = RegistrationFactory(event=event, status="unconfirmed")
    registered = RegistrationFactory(event=event)

    time_machine.move_to(event.end - timedelta(minutes=1))
    call_command("purge_expired_data", stdout=StringIO())
    assert Registration.objects.filter(pk=unconfirmed.pk).exists()

    time_machine.move_to(event.end + timedelta(days=1))
    call_command("purge_expired_data", stdout=StringIO())
    assert not Registration.objects.filter(pk=unconfirmed.pk).exists()
    assert Registration.objects.filter(pk=registered.pk).exists()
