"""Certificates in the portal-wide export and erasure of one person's data.

Registered with `people.personal_data` in `RegistrationsConfig.ready()`, so they are erased
before registrations (records of people). Certificates are found by the keyed hash of the
address they keep, so for their whole retention, after the registration has been deleted too.
"""

from django.utils import timezone

from registrations.models import Certificate


def _certificates(email):
    return Certificate.objects.for_address(email).filter(erased_at=None)


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
    the certificate's retention (`purge_expired_data`).
    """
    return Certificate.objects.filter(
        pk__in=list(_certificates(email).values_list("pk", flat=True))
    ).update(
        attendee_name="",
        email_digest="",
        registration=None,
        erased_at=timezone.now(),
    )
