"""Members: people whose join request was accepted and who took up the invitation to join.

A member is a record of a person (`people.models.PersonRecord`): consent, the link key,
delivery state, export, erasure and retention come from there. Once they confirm their
invitation a member has a Django user in the "Members" group, which Wagtail's page privacy
names; the user has no password and no admin access (docs/members.md).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone

from membership.models import JoinRequest
from people.models import PersonRecord, PersonRecordQuerySet
from people.retention import Retention

MEMBERS_GROUP = "Members"


class MemberQuerySet(PersonRecordQuerySet):
    def invited(self):
        return self.filter(joined_at__isnull=True)

    def joined(self):
        return self.filter(joined_at__isnull=False)

    def erase(self):
        """Erase the records and the accounts they signed in with: a member removed or erased
        can sign in no more, and no user row keeps their name or address."""
        user_ids = [pk for pk in self.values_list("user_id", flat=True) if pk is not None]
        erased = super().erase()
        get_user_model().objects.filter(pk__in=user_ids).delete()
        return erased


class Member(PersonRecord):
    """A member of the group, from the invitation on: `joined_at` is set when they confirm."""

    personal_data_label = "members"
    retention = Retention(
        "Invitations to become a member that were not taken up",
        kept_for="30 days after the invitation",
        setting="MEMBER_INVITATION_RETENTION_DAYS",
        expired=lambda cutoff: Member.objects.invited().filter(invited_at__lt=cutoff),
    )

    full_name = models.CharField("full name", max_length=200)
    role = models.CharField("professional role", max_length=20, choices=JoinRequest.Role)
    role_other = models.CharField("role (other)", max_length=100, blank=True)
    organisation = models.CharField("organisation or unit", max_length=200)
    join_request = models.ForeignKey(
        JoinRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member",
    )
    invited_at = models.DateTimeField("invited", default=timezone.now)
    joined_at = models.DateTimeField("joined", null=True, blank=True, db_index=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["full_name", "pk"]
        verbose_name = "member"
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("email"), name="members_member_unique_email"
            )
        ]

    def __str__(self):
        return self.full_name

    @property
    def has_joined(self):
        return self.joined_at is not None

    def role_display(self):
        if self.role == JoinRequest.Role.OTHER and self.role_other:
            return f"Other: {self.role_other}"
        return self.get_role_display()

    role_display.short_description = "Role"
    role_display.admin_order_field = "role"

    def state_display(self):
        return "Member" if self.has_joined else "Invited"

    state_display.short_description = "State"

    def last_signed_in(self):
        return self.user.last_login if self.user_id else None

    last_signed_in.short_description = "Last signed in"
    last_signed_in.admin_order_field = "user__last_login"

    def export_data(self):
        return {
            "full_name": self.full_name,
            "email": self.email,
            "role": self.role_display(),
            "organisation": self.organisation,
            "invited_at": self.invited_at,
            "joined_at": self.joined_at,
            "last_signed_in": self.last_signed_in(),
            "consent_given_at": self.consent_given_at,
            "privacy_notice_version": self.privacy_notice_version,
            "emails": self.exported_emails(),
        }
