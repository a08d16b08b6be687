"""Creates a local example member for trying the members' pages; refuses to run outside
development, like `ensure_dev_admin`.

The member has no password, as every member: `--link` prints a sign-in link to open.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from members import invitations, signin
from members.models import Member
from membership.models import JoinRequest
from portal.management.commands.ensure_dev_admin import database_is_local

EMAIL = "member@localhost"


class Command(BaseCommand):
    help = (
        f"Create the local example member {EMAIL} if it does not exist; --link prints a "
        "sign-in link for it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--link", action="store_true", help="Print a sign-in link only.")

    def handle(self, *args, link=False, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_member only runs with DEBUG on (development settings).")
        if not database_is_local():
            raise CommandError(
                "ensure_dev_member only runs against a database on this machine, not "
                f"{connection.settings_dict.get('HOST')!r}."
            )
        member = Member.objects.for_address(EMAIL).first()
        if member is None:
            member = Member.objects.create(
                email=EMAIL,
                full_name="Example Member",
                role=JoinRequest.Role.NURSE,
                organisation="Example Children's Hospital PICU (development only)",
                consent_given_at=timezone.now(),
                privacy_notice_version="Development example",
            )
            member = invitations.accept(member, privacy_notice_version="Development example")
            self.stdout.write(f"Created example member {EMAIL}.")
        elif not link:
            self.stdout.write(f"Example member {EMAIL} already exists.")
        url = signin.sign_in_url(member.user)
        if link:
            self.stdout.write(url)
            return
        self.stdout.write(
            "Members sign in with an emailed link: run "
            "'.venv/bin/python manage.py ensure_dev_member --link' for one, or use the sign-in "
            "form and read the email in the console."
        )
