"""Admin screens for events: a listing editors can scan, beside the event types list."""

import django_filters
from django.contrib import messages
from django.db.models import Case, F, When
from django.http import Http404
from django.utils import dateformat, timezone
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.dates import uk
from events.models import EventMaterial, EventPage, EventType
from portal.admin_menus import PageListingForPageEditors

DRAFT = "draft"
STATUS_CHOICES = [*EventPage.Status.choices, (DRAFT, "Draft (not published)")]


def admin_date(event):
    return dateformat.format(uk(event.start), "D j M Y, H:i")


def admin_status(event):
    """What an editor needs to know at a glance: not yet published, or the event's status."""
    if not event.live:
        return "Draft (not published)"
    return event.get_status_display()


class EventFilterSet(WagtailFilterSet):
    event_type = django_filters.ModelChoiceFilter(
        label="Event type", queryset=EventType.objects.order_by("name")
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=STATUS_CHOICES, method="filter_status", empty_label="Any"
    )

    class Meta:
        model = EventPage
        fields = []

    def filter_status(self, queryset, name, value):
        if value == DRAFT:
            return queryset.filter(live=False)
        return queryset.filter(live=True, status=value)


class EventIndexView(IndexView):
    """Events by date, upcoming first (soonest at the top), then past ones, latest first."""

    default_ordering = "start"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event_type")

    def order_queryset(self, queryset):
        if self.ordering != "start":
            return super().order_queryset(queryset)
        now = timezone.now()
        is_past = Case(When(ends_at__lte=now, then=1), default=0)
        return queryset.order_by(
            is_past,
            Case(When(ends_at__gt=now, then=F("start"))).asc(),
            Case(When(ends_at__lte=now, then=F("start"))).desc(),
            "pk",
        )


class EventPageListingViewSet(PageListingForPageEditors, PageListingViewSet):
    model = EventPage
    icon = "date"
    menu_label = "Events"
    name = "event_pages"
    index_view_class = EventIndexView
    filterset_class = EventFilterSet
    columns = [
        PageTitleColumn("title", label="Title", sort_key="title", classname="title"),
        Column("start", label="Date (UK time)", accessor=admin_date, sort_key="start"),
        Column("event_type", label="Type", accessor="event_type.name"),
        Column("format", label="Format", accessor="get_format_display"),
        Column("status", label="Status", accessor=admin_status),
    ]


class EventTypeViewSet(SnippetViewSet):
    model = EventType
    icon = "tag"
    menu_label = "Event types"
    list_display = ["name", "slug", "is_group_meeting"]
    search_fields = ["name"]
    ordering = ["name"]


class EventsGroup(ViewSetGroup):
    """Events and their types under one "Events" menu item."""

    items = (EventPageListingViewSet, EventTypeViewSet)
    menu_icon = "date"
    menu_label = "Events"
    menu_name = "events"
    menu_order = 150


register_snippet(EventsGroup)

WEEKEND = (5, 6)  # Python's weekday(): Saturday and Sunday


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def read_the_dates_back(request, page):
    """Say an event's dates in words under the saved or published message, so a slip such as
    03/10/2027 typed for 10 March shows as "Sunday 3 October 2027" at once."""
    event = page.specific_deferred
    if not isinstance(event, EventPage) or not (event.start and event.end):
        return
    message = f"{event.title} is on {event.when}."
    start_day = uk(event.start)
    if start_day.weekday() in WEEKEND:
        message += f" That is a {dateformat.format(start_day, 'l')}: check it is the day meant."
    messages.info(request, message)


@hooks.register("before_serve_document")
def restricted_materials_only_through_their_own_views(document, request):
    """A document that is an event's material for people who registered, or for members, is
    not served at Wagtail's public document address to anyone but the admin's users: readers
    get it through the materials views, which check who they are (registrations/materials.py).

    Its address is not secret (it is a number and a file name), so hiding links is not enough.
    """
    if request.user.is_authenticated and request.user.has_perm("wagtailadmin.access_admin"):
        return None
    if EventMaterial.objects.restricted().filter(document=document).exists():
        raise Http404
    return None
