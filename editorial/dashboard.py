"""Panels on the admin dashboard: what editors should look at or act on when they log in.

Each panel runs a fixed number of queries however much content there is, and shows only
what its reader may act on: join requests to those allowed to read them, page content to
those who can edit pages.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from events.models import EventIndexPage, EventPage
from library.models import LibraryIndexPage, ResourcePage
from membership.models import JoinRequest
from outbox.models import OutgoingEmail
from people.models import person_record_models
from portal.dates import uk_today
from registrations.admin_views import can_read as can_read_registrations
from registrations.models import Registration, registration_counts
from trials.models import REVIEW_WARNING_DAYS, TrialIndexPage, TrialPage

# The group promises at least this many of its own meetings a year.
MEETINGS_PROMISED_PER_YEAR = 4
LISTED_ITEMS = 5


class DashboardPanel(Component):
    """A panel shown only to the people it is for."""

    order = 100

    def is_shown(self, user):
        return user_has_any_page_permission(user)

    def render_html(self, parent_context=None):
        if not self.is_shown(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)


class JoinRequestsPanel(DashboardPanel):
    """New join requests nobody has handled yet, for the Membership group."""

    name = "new_join_requests"
    template_name = "editorial/dashboard/join_requests.html"
    order = 50

    def is_shown(self, user):
        return user.has_perm("membership.view_joinrequest") or user.has_perm(
            "membership.change_joinrequest"
        )

    def get_context_data(self, parent_context=None):
        waiting = JoinRequest.objects.filter(status=JoinRequest.Status.NEW)
        undecided = JoinRequest.objects.undecided_too_long()
        counts = JoinRequest.objects.aggregate(
            waiting=Count("pk", filter=Q(pk__in=waiting.values("pk"))),
            undecided=Count("pk", filter=Q(pk__in=undecided.values("pk"))),
        )
        return {
            "waiting_count": counts["waiting"],
            "join_requests": list(waiting.order_by("-submitted_at", "-pk")[:LISTED_ITEMS]),
            "undecided_count": counts["undecided"],
            "decision_days": settings.JOIN_REQUEST_DECISION_DAYS,
        }


class FailedEmailsPanel(DashboardPanel):
    """Emails the mail server refused for good, for those who may see whom they were for: a
    count for each kind of record of people (join requests, subscribers, registrations)."""

    name = "failed_emails"
    template_name = "editorial/dashboard/failed_emails.html"
    order = 55

    @staticmethod
    def readable_models(user):
        return [
            model
            for model in person_record_models()
            if user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
            or user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
        ]

    def is_shown(self, user):
        return bool(self.readable_models(user))

    def get_context_data(self, parent_context=None):
        user = parent_context["request"].user
        failed = []
        for model in self.readable_models(user):
            count = model.objects.with_failed_emails().count()
            if count:
                meta = model._meta
                failed.append(
                    {
                        "count": count,
                        "name": meta.verbose_name if count == 1 else meta.verbose_name_plural,
                        "url": reverse(f"{meta.app_label}_{meta.model_name}_modeladmin_index")
                        + "?delivery=failed",
                    }
                )
        return {"failed": failed}


class GroupMeetingsPanel(DashboardPanel):
    """Warns when the group is short of the meetings it promises for the coming year."""

    name = "group_meetings"
    template_name = "editorial/dashboard/group_meetings.html"
    order = 60

    def get_context_data(self, parent_context=None):
        count = EventPage.objects.group_meetings_in_next_twelve_months().count()
        return {
            "meeting_count": count,
            "promised": MEETINGS_PROMISED_PER_YEAR,
            "missing": max(MEETINGS_PROMISED_PER_YEAR - count, 0),
            "events_index_id": EventIndexPage.objects.values_list("pk", flat=True).first(),
        }


class UpcomingEventsPanel(DashboardPanel):
    """The next few events, drafts included, so editors see what readers will see next."""

    name = "upcoming_events"
    template_name = "editorial/dashboard/upcoming_events.html"
    order = 70

    def get_context_data(self, parent_context=None):
        events = EventPage.objects.upcoming().for_listing().annotate(**registration_counts())
        return {
            "events": list(events[:LISTED_ITEMS]),
            "events_index_id": EventIndexPage.objects.values_list("pk", flat=True).first(),
        }


class RecentResourcesPanel(DashboardPanel):
    """The resources most recently added to the library."""

    name = "recent_resources"
    template_name = "editorial/dashboard/recent_resources.html"
    order = 80

    def get_context_data(self, parent_context=None):
        resources = (
            ResourcePage.objects.live()
            .select_related("resource_type")
            .order_by("-first_published_at", "-pk")
        )
        return {
            "resources": list(resources[:LISTED_ITEMS]),
            "library_id": LibraryIndexPage.objects.values_list("pk", flat=True).first(),
        }


class TrialReviewsPanel(DashboardPanel):
    """Trial summaries past their review date or due within REVIEW_WARNING_DAYS, soonest first:
    an out-of-date summary of evidence misleads the clinicians who act on it."""

    name = "trial_reviews"
    template_name = "editorial/dashboard/trial_reviews.html"
    order = 75
    listed = 10

    def get_context_data(self, parent_context=None):
        today = uk_today()
        due = TrialPage.objects.live().due_for_review(today)
        trials = list(due.only("title", "review_by", "last_reviewed")[: self.listed])
        for trial in trials:
            trial.overdue = trial.review_by < today
        return {
            "trials": trials,
            "due_count": due.count(),
            "warning_days": REVIEW_WARNING_DAYS,
            "trials_index_id": TrialIndexPage.objects.values_list("pk", flat=True).first(),
        }


def failed_registration_emails():
    """Per event: emails to its registered people that the mail server refused, in the same
    query as the event."""
    registrations = (
        Registration.objects.filter(event=OuterRef(OuterRef("pk")))
        .annotate(pk_text=Cast("pk", CharField()))
        .values("pk_text")
    )
    failed = (
        OutgoingEmail.objects.filter(
            status=OutgoingEmail.Status.FAILED,
            about_type=ContentType.objects.get_for_model(Registration),
            about_id__in=registrations,
        )
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(failed[:1]), 0)


class OrganiserEventsPanel(DashboardPanel):
    """For Event organisers: the coming events people register for on the site, with who has a
    place, who is waiting and any emails to them that failed."""

    name = "organiser_events"
    template_name = "editorial/dashboard/organiser_events.html"
    order = 40

    def is_shown(self, user):
        return can_read_registrations(user)

    def get_context_data(self, parent_context=None):
        events = (
            EventPage.objects.upcoming()
            .filter(registration=EventPage.RegistrationMode.PORTAL)
            .for_listing()
            .annotate(**registration_counts(), emails_failed=failed_registration_emails())
        )
        return {"events": list(events[:LISTED_ITEMS])}


class DraftsNeverPublishedPanel(DashboardPanel):
    """New pages the reader started and never published, to finish or delete.

    Autosave keeps a new page as a draft from its first change, so a first publish that fails
    (a summary left out) still leaves a page behind; here it is named as such, with a way to
    delete it. Wagtail lets the owner of a page never published delete it.
    """

    name = "drafts_never_published"
    template_name = "editorial/dashboard/drafts_never_published.html"
    order = 45

    def get_context_data(self, parent_context=None):
        drafts = (
            Page.objects.filter(
                owner=parent_context["request"].user, live=False, first_published_at__isnull=True
            )
            .select_related("content_type")
            .order_by("-latest_revision_created_at", "-pk")
        )
        return {"drafts": list(drafts[:LISTED_ITEMS])}


PANELS = [
    OrganiserEventsPanel,
    DraftsNeverPublishedPanel,
    JoinRequestsPanel,
    FailedEmailsPanel,
    GroupMeetingsPanel,
    UpcomingEventsPanel,
    TrialReviewsPanel,
    RecentResourcesPanel,
]
