"""Registrations and certificates in the portal-wide export and erasure of one person's data.

Registered with `people.personal_data` in `RegistrationsConfig.ready()`. Certificates are found
through their registration while it is kept, and by the keyed hash of the address they keep
after `purge_registrations` has deleted it, so for their whole retention. Certificates are
erased before registrations.
"""

from django.utils import timezone

from registrations.models import Certificate, Registration


def _registrations(email):
    return Registration.objects.filter(email__iexact=email.strip())


def _certificates(email):
    return Certificate.objects.for_address(email).filter(erased_at=None)


def export_registrations(email):
    registrations = _registrations(email).select_related("event")
    return [
        {
            "event": r.event.title,
            "full name": r.full_name,
            "email": r.email,
            "professional role": r.role,
            "organisation": r.organisation,
            "access or dietary needs": r.needs,
            "status": r.get_status_display(),
            "registered": r.registered_at.isoformat(),
            "consent given": r.consent_given_at.isoformat(),
            "privacy notice seen": r.privacy_notice_version,
            "feedback rating": r.feedback_rating,
            "feedback comments": r.feedback_comments,
        }
        for r in registrations
    ]


def export_certificates(email):
    return [
        {
            "number": c.number,
            "name": c.attendee_name,
            "event": c.event_title,
            "date": c.event_date,
            "CPD hours": str(c.cpd_hours),
            "issued": c.issued_at.isoformat(),
            "revoked": c.revoked_at.isoformat() if c.revoked_at else None,
        }
        for c in _certificates(email)
    ]


def erase_certificates(email):
    """Remove the name and the address's hash, keeping the number and when it was removed.

    The number is random and names no one; keeping it lets the verification page say that the
    record was removed, rather than that the certificate was never issued. The rest goes with
    the certificate's retention (`purge_registrations`).
    """
    return Certificate.objects.filter(
        pk__in=list(_certificates(email).values_list("pk", flat=True))
    ).update(
        attendee_name="",
        email_digest="",
        registration=None,
        erased_at=timezone.now(),
    )


def erase_registrations(email):
    return _registrations(email).erase()
