"""What the membership app holds about an email address: join requests and their history."""

from membership.models import JoinRequest
from outbox.mail import emails_about


def join_requests_from(address):
    return JoinRequest.objects.filter(email__iexact=address).order_by("submitted_at", "pk")


def export(address):
    """Every join request and every email about it, as the applicant is entitled to see them."""
    return [
        {
            "submitted_at": join_request.submitted_at,
            "full_name": join_request.full_name,
            "email": join_request.email,
            "role": join_request.role_display(),
            "organisation": join_request.organisation,
            "where_they_work": join_request.get_region_display(),
            "clinically_active": join_request.clinically_active,
            "research_experience": join_request.get_research_experience_display(),
            "interests": join_request.interests_display(),
            "wants_meeting_updates": join_request.wants_meeting_updates,
            "message": join_request.message,
            "consent_given_at": join_request.consent_given_at,
            "privacy_notice_version": join_request.privacy_notice_version,
            "status": join_request.get_status_display(),
            "notes": join_request.notes,
            "status_changes": [
                {"changed_at": change.changed_at, "change": str(change)}
                for change in join_request.status_changes.all()
            ],
            "emails": [
                {
                    "to": email.recipient,
                    "subject": email.subject,
                    "body": email.text_body,
                    "state": email.get_status_display(),
                    "created_at": email.created_at,
                    "sent_at": email.sent_at,
                }
                for email in emails_about(join_request).order_by("created_at", "pk")
            ],
        }
        for join_request in join_requests_from(address).prefetch_related("status_changes")
    ]


def erase(address):
    return join_requests_from(address).erase()
