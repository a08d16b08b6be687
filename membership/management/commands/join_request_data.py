"""Answers a person's request about their data: everything held for one email address."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from membership.models import JoinRequest
from portal.mail import emails_about


def export_join_requests(join_requests):
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
                    "created_at": email.created_at,
                    "sent_at": email.sent_at,
                }
                for email in emails_about(join_request).order_by("created_at", "pk")
            ],
        }
        for join_request in join_requests.prefetch_related("status_changes")
    ]


class Command(BaseCommand):
    help = (
        "Export (as JSON, to standard output) or erase every join request made with an email "
        "address, with the emails sent about them."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--export", metavar="EMAIL", help="Print everything held as JSON.")
        action.add_argument("--erase", metavar="EMAIL", help="Delete everything held.")

    def handle(self, *args, **options):
        address = (options["export"] or options["erase"]).strip()
        if "@" not in address:
            raise CommandError(f"{address!r} is not an email address.")
        join_requests = JoinRequest.objects.filter(email__iexact=address).order_by("submitted_at")

        if options["export"]:
            data = {"email": address, "join_requests": export_join_requests(join_requests)}
            self.stdout.write(json.dumps(data, cls=DjangoJSONEncoder, indent=2))
            return

        erased = join_requests.erase()
        self.stderr.write(f"Erased {erased} join request(s) made with {address}, and their emails.")
