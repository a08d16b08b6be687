"""How long registrations and certificate records are kept."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from registrations.models import Certificate, Registration


def expired_registrations(days=None, now=None):
    """Registrations of events that ended `days` ago; and, once its event has ended, any
    request never confirmed: it held no place, and its owner may never have made it."""
    now = now or timezone.now()
    days = settings.REGISTRATION_RETENTION_DAYS if days is None else days
    cutoff = now - timedelta(days=days)
    return Registration.objects.filter(
        Q(event__ends_at__lt=cutoff)
        | Q(status=Registration.Status.UNCONFIRMED, event__ends_at__lt=now)
    )


def expired_certificates(days=None, now=None):
    days = settings.CERTIFICATE_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return Certificate.objects.filter(event_ended_at__lt=cutoff)
