"""Registrations and certificates in the portal-wide export and erasure of one person's data.

`export(email)` returns what the portal holds about the address, as plain data; `erase(email)`
deletes registrations (with the emails and logs that name the person) and certificate records,
and returns how many of each went.
"""

from registrations.models import Certificate, Registration


def _registrations(email):
    return Registration.objects.filter(email__iexact=email.strip())


def _certificates(email):
    return Certificate.objects.filter(registration__in=_registrations(email))


def export(email):
    registrations = _registrations(email).select_related("event")
    return {
        "event registrations": [
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
        ],
        "CPD certificates": [
            {
                "number": c.number,
                "name": c.attendee_name,
                "event": c.event_title,
                "date": c.event_date,
                "CPD hours": str(c.cpd_hours),
                "issued": c.issued_at.isoformat(),
            }
            for c in _certificates(email)
        ],
    }


def erase(email):
    certificates = list(_certificates(email).values_list("pk", flat=True))
    Certificate.objects.filter(pk__in=certificates).delete()
    registrations = _registrations(email).erase()
    return {"event registrations": registrations, "CPD certificates": len(certificates)}
