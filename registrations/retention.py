"""How long registrations and certificate records are kept."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from registrations.models import Certificate, Registration


def expired_registrations(days=None, now=None):
    days = settings.REGISTRATION_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return Registration.objects.filter(event__ends_at__lt=cutoff)


def expired_certificates(days=None, now=None):
    days = settings.CERTIFICATE_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return Certificate.objects.filter(event_ended_at__lt=cutoff)
