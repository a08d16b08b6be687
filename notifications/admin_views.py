"""Admin screens for announcing events: the list of upcoming events and the announce page.

Both need the `notifications.announce_event` permission, which the Moderators and Membership
groups have; page permissions are not needed, so the Membership group can announce without
being able to edit pages.
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from events.models import EventPage
from notifications import announcements
from notifications.models import Subscriber

EVENTS_PER_PAGE = 25
ANNOUNCE_PERMISSION = "notifications.announce_event"


def recipient_counts():
    """A function from event to its number of recipients, from one query for all events."""
    by_interest = dict(
        Subscriber.objects.confirmed().order_by().values_list("interests").annotate(n=Count("pk"))
    )
    everything = by_interest.get(Subscriber.Interests.ALL, 0)

    def count(event):
        kind = (
            Subscriber.Interests.GROUP_MEETINGS
            if event.is_group_meeting
            else Subscriber.Interests.EDUCATIONAL
        )
        return everything + by_interest.get(kind, 0)

    return count


class AnnouncePermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(ANNOUNCE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AnnounceIndexView(AnnouncePermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "notifications/admin/announce_index.html"
    page_title = "Announce events"
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Only what the public sees: the Membership group may not otherwise see drafts or
        # private pages, and neither can be announced.
        events = (
            EventPage.objects.live()
            .public()
            .upcoming()
            .for_listing()
            .prefetch_related("announcements")
        )
        page = Paginator(events, EVENTS_PER_PAGE).get_page(self.request.GET.get("p"))
        count = recipient_counts()
        context["events"] = page
        context["rows"] = [
            {
                "event": event,
                "recipients": count(event),
                "latest": max(event.announcements.all(), key=lambda a: a.number, default=None),
            }
            for event in page
        ]
        return context


class AnnounceView(AnnouncePermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """A preview of the email, how many will receive it, and the Send button."""

    template_name = "notifications/admin/announce.html"
    page_title = "Announce to subscribers"
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        self.event = get_object_or_404(
            EventPage.objects.select_related("event_type"), pk=kwargs["page_id"]
        )
        # Someone who may not edit the event (the Membership group) learns nothing of a draft
        # or private page, not even its title.
        can_edit = self.event.permissions_for_user(request.user).can_edit()
        if not can_edit and not EventPage.objects.live().public().filter(pk=self.event.pk).exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("notifications_announce_index"), "label": "Announce events"},
            {"url": "", "label": f"Announce “{self.event.title}”"},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        problem = announcements.problem(self.event)
        history = list(self.event.announcements.select_related("created_by").order_by("number"))
        for announcement in history:
            announcement.delivery = announcement.delivery_counts()
        context.update(
            event=self.event,
            problem=problem,
            recipient_count=Subscriber.objects.receiving(self.event).count(),
            preview=announcements.preview(self.event) if self.event.live else None,
            history=history,
            edit_url=(
                reverse("wagtailadmin_pages:edit", args=[self.event.pk])
                if self.event.permissions_for_user(self.request.user).can_edit()
                else ""
            ),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            announcement = announcements.announce(self.event, request.user)
        except announcements.CannotAnnounce as refusal:
            messages.error(request, str(refusal))
        else:
            count = announcement.recipient_count
            messages.success(
                request,
                f"“{self.event.title}” is being sent to {count} subscriber"
                f"{'' if count == 1 else 's'}. Any the mail server does not take now are "
                "retried automatically.",
            )
        return redirect("notifications_announce", page_id=self.event.pk)
