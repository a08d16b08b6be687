"""The join page, the join requests it collects, and the record of who changed their status."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import dateformat, timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.search import index

from people.consent import privacy_notice, privacy_notice_version, stamp
from people.models import PersonRecord, PersonRecordQuerySet
from people.retention import Retention
from portal.models import BasePage, edit_tabs
from portal.rich_text import TEXT_FEATURES


@register_setting(icon="mail")
class MembershipSettings(BaseSiteSetting):
    """Where join requests are sent. Only superusers and the Membership group may change it
    (Editors and Moderators have no permission for it): whoever sets it receives every
    applicant's answers."""

    join_request_recipient = models.EmailField(
        blank=True,
        help_text="Who receives each join request by email, e.g. the chair. Left blank, requests "
        "are only listed under Join requests in the admin.",
    )

    panels = [FieldPanel("join_request_recipient")]

    class Meta:
        verbose_name = "join request routing"


class JoinPage(RoutablePageMixin, BasePage):
    """The join form: who can join, the form itself, and where requests are sent."""

    introduction = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text="Shown above the form: what joining means and what happens next.",
    )
    membership_text = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text="Who can join the group, e.g. the membership paragraph of the group's text.",
    )
    privacy_summary = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text="A short note beside the consent box on how the answers are used. The privacy "
        "notice chosen in site settings is linked automatically.",
    )
    thank_you_message = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text="Shown after a request is sent, e.g. who will reply and roughly when.",
    )
    notification_subject = models.CharField(
        max_length=120,
        default="New request to join the group",
        help_text="The start of the email subject; the applicant's name is added after it.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("membership_text"),
        FieldPanel("privacy_summary"),
        FieldPanel("thank_you_message"),
    ]
    # Where requests go is in the "Join request routing" settings, which only the Membership
    # group and superusers may change: whoever sets it receives every applicant's answers.
    details_panels = [FieldPanel("notification_subject")]
    edit_handler = edit_tabs(content_panels, details_panels)

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("membership_text"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "join page"

    def get_recipient(self):
        """Who receives each request: the address in the join request routing settings."""
        site = self.get_site()
        return MembershipSettings.for_site(site).join_request_recipient if site else ""

    def get_privacy_page(self):
        return privacy_notice(self.get_site())

    def privacy_notice_version(self):
        """Names the privacy notice the applicant saw, and when it last changed."""
        return privacy_notice_version(
            self.get_site(),
            without_notice=f"Join page text, last published {stamp(self.last_published_at)}",
        )

    def get_summary(self):
        return "Ask to join the group."

    def cache_public_response(self, request):
        return False  # the join form

    def thank_you_url(self):
        return self.url + self.reverse_subpage("thank_you")

    @path("")
    def join_form(self, request):
        # The one cycle left on purpose: this page serves a form for JoinRequest, defined below,
        # so the view (and its ModelForm) import this module and are imported only when used.
        from membership.views import join_form

        return join_form(request, self)

    @path("thank-you/")
    def thank_you(self, request):
        return self.render(request, template="membership/join_page_thank_you.html")


class JoinRequestQuerySet(PersonRecordQuerySet):
    def undecided_too_long(self, now=None):
        """New and contacted requests older than JOIN_REQUEST_DECISION_DAYS: someone must
        decide on them (or erase them) rather than keep them for ever."""
        cutoff = (now or timezone.now()) - timedelta(days=settings.JOIN_REQUEST_DECISION_DAYS)
        return self.filter(
            status__in=[JoinRequest.Status.NEW, JoinRequest.Status.CONTACTED],
            submitted_at__lt=cutoff,
        )


class JoinRequest(PersonRecord):
    """One person's request to join, as they sent it, and where the membership team is with it."""

    personal_data_label = "join_requests"
    retention = Retention(
        "Accepted and declined join requests, with their emails and history",
        kept_for="365 days after submission",
        setting="JOIN_REQUEST_RETENTION_DAYS",
        expired=lambda cutoff: JoinRequest.objects.filter(
            status__in=JoinRequest.CLOSED_STATUSES, submitted_at__lt=cutoff
        ),
    )

    class Role(models.TextChoices):
        NURSE = "nurse", "Nurse"
        DOCTOR = "doctor", "Doctor"
        ALLIED_HEALTH = "allied_health", "Allied health professional"
        PHARMACIST = "pharmacist", "Pharmacist"
        RESEARCHER = "researcher", "Researcher"
        MANAGER = "manager", "Manager"
        OTHER = "other", "Other"

    class Region(models.TextChoices):
        ENGLAND = "england", "England"
        SCOTLAND = "scotland", "Scotland"
        WALES = "wales", "Wales"
        NORTHERN_IRELAND = "northern_ireland", "Northern Ireland"
        OUTSIDE_UK = "outside_uk", "Outside the UK"

    class ResearchExperience(models.TextChoices):
        NONE = "none", "None yet"
        SOME = "some", "Some experience"
        ACTIVE = "active", "Research-active"

    class Interest(models.TextChoices):
        EDUCATION = "education", "Education events"
        RESEARCH = "research", "Implementation research"
        GRANTS = "grants", "Grant applications"
        STRATEGY = "strategy", "A UK-wide implementation strategy"
        INTERNATIONAL = "international", "International collaboration"

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    CLOSED_STATUSES = (Status.ACCEPTED, Status.DECLINED)

    page = models.ForeignKey(
        JoinPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="requests"
    )
    full_name = models.CharField("full name", max_length=200)
    role = models.CharField("professional role", max_length=20, choices=Role)
    role_other = models.CharField("role (other)", max_length=100, blank=True)
    organisation = models.CharField("organisation or unit", max_length=200)
    region = models.CharField("where they work", max_length=20, choices=Region)
    clinically_active = models.BooleanField("clinically active")
    research_experience = models.CharField(
        "research experience", max_length=10, choices=ResearchExperience
    )
    interests = models.JSONField("interests", default=list, blank=True)
    wants_meeting_updates = models.BooleanField("wants to hear about meetings", default=False)
    message = models.TextField("message", max_length=2000, blank=True)

    status = models.CharField(
        max_length=10,
        choices=Status,
        default=Status.NEW,
        help_text="New: not yet answered. Contacted: someone has replied. Accepted or declined: "
        "decided; closed requests are deleted after the retention period.",
    )
    notes = models.TextField(
        blank=True,
        max_length=5000,
        help_text="For the membership team only: calls made, decisions, follow-ups.",
    )
    submitted_at = models.DateTimeField("submitted", default=timezone.now, db_index=True)
    # One per rendered form, so a double click or a resent form never makes a second request.
    submission_token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)

    objects = JoinRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = "join request"
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self):
        submitted = dateformat.format(timezone.localtime(self.submitted_at), "j M Y")
        return f"{self.full_name} ({submitted})"

    def role_display(self):
        if self.role == self.Role.OTHER and self.role_other:
            return f"Other: {self.role_other}"
        return self.get_role_display()

    role_display.short_description = "Role"
    role_display.admin_order_field = "role"

    def interests_display(self):
        labels = dict(self.Interest.choices)
        return ", ".join(labels.get(value, value) for value in self.interests)

    interests_display.short_description = "Interests"

    def clinically_active_display(self):
        return "Yes" if self.clinically_active else "No"

    clinically_active_display.short_description = "Clinically active"

    def wants_meeting_updates_display(self):
        return "Yes" if self.wants_meeting_updates else "No"

    wants_meeting_updates_display.short_description = "Wants meeting updates"

    def export_data(self):
        return {
            "submitted_at": self.submitted_at,
            "full_name": self.full_name,
            "email": self.email,
            "role": self.role_display(),
            "organisation": self.organisation,
            "where_they_work": self.get_region_display(),
            "clinically_active": self.clinically_active,
            "research_experience": self.get_research_experience_display(),
            "interests": self.interests_display(),
            "wants_meeting_updates": self.wants_meeting_updates,
            "message": self.message,
            "consent_given_at": self.consent_given_at,
            "privacy_notice_version": self.privacy_notice_version,
            "status": self.get_status_display(),
            "notes": self.notes,
            "status_changes": [
                {"changed_at": change.changed_at, "change": str(change)}
                for change in self.status_changes.all()
            ],
            "emails": self.exported_emails(),
        }


class JoinRequestStatusChange(models.Model):
    """Who moved a request from one status to another, and when: the team's audit trail."""

    # Personal data: never listed in Wagtail's usage views of the pages it points to.
    wagtail_reference_index_ignore = True
    shown_on_public_pages = False

    join_request = models.ForeignKey(
        JoinRequest, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(max_length=10, choices=JoinRequest.Status)
    to_status = models.CharField(max_length=10, choices=JoinRequest.Status)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
