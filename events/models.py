"""Events: the editor-managed list of event types, the events index and the event page."""

from datetime import timedelta
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.db.models import Min
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from events.admin_forms import EventPageForm
from events.calendar import calendar_for, calendar_response
from events.dates import (
    all_day_dates,
    describe_moment,
    describe_when,
    event_ends_at,
    twelve_months_after,
)
from events.forms import EventFilterForm
from pagecache.cache import next_moment_until_change
from portal.admin_dates import ReadBackDateTimeInput
from portal.blocks import BodyBlock
from portal.models import BasePage, ListEntry, PortalPageQuerySet, audience, edit_tabs
from portal.pagination import cache_page_number, lazy_page
from portal.rich_text import TEXT_FEATURES

EVENTS_PER_PAGE = 10
# Child pages with these slugs would be hidden behind the index's own routes.
RESERVED_SLUGS = {"past"}
# The calendar feed keeps a year of past events, so subscribers keep their history.
CALENDAR_FEED_HISTORY = timedelta(days=365)
# The end and registration pickers open on the start's day (static/js/admin-date-pickers.js).
OPENS_ON_START = {"data-picker-opens-on": "id_start"}
# A start or end typed without a time is accepted, and read back, only for an all-day event.
ALL_DAY_CHECKBOX = "id_all_day"


class EventType(ListEntry):
    """A kind of event editors can pick, e.g. Meeting or Webinar."""

    name = models.CharField(max_length=80, unique=True, help_text="e.g. 'Educational event'.")
    is_group_meeting = models.BooleanField(
        default=False,
        help_text="Tick for the group's own meetings, as opposed to other events it runs or "
        "shares.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        # It decides who receives announcements, so only Moderators may change it.
        FieldPanel("is_group_meeting", permission="events.set_group_meeting_eventtype"),
    ]

    class Meta(ListEntry.Meta):
        verbose_name = "event type"


class EventPageQuerySet(PortalPageQuerySet):
    """Queries other parts of the portal build on: listings, feeds, announcements, dashboards.

    An event is upcoming until it has ended, so an event in progress is still upcoming and an
    all-day event stays upcoming until the end of its last day in UK time.
    """

    def upcoming(self, now=None):
        return self.filter(ends_at__gt=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lte=now or timezone.now()).order_by("-start", "-pk")

    def group_meetings(self):
        return self.filter(event_type__is_group_meeting=True)

    def group_meetings_in_next_twelve_months(self, now=None):
        """Published group meetings going ahead that start within the coming twelve months.

        A meeting in progress counts; postponed and cancelled meetings do not, nor do drafts
        still waiting to be published: readers cannot see those.
        """
        now = now or timezone.now()
        return (
            self.live()
            .group_meetings()
            .upcoming(now)
            .filter(status=EventPage.Status.SCHEDULED, start__lt=twelve_months_after(now))
        )

    def of_type(self, slug):
        return self.filter(event_type__slug=slug)

    def in_format(self, event_format):
        return self.filter(format=event_format)

    def in_calendar_feed(self, now=None):
        """Upcoming events and those that ended in the last year, for calendar subscribers."""
        now = now or timezone.now()
        return self.filter(ends_at__gt=now - CALENDAR_FEED_HISTORY).order_by("start", "pk")

    def next_end(self, now=None):
        """When the next of these events ends, moving out of the upcoming ones (None if none)."""
        return self.upcoming(now).order_by().aggregate(Min("ends_at"))["ends_at__min"]

    def for_listing(self):
        """Fetch what listings and calendars show of each event in the same query, and not the
        write-up they never show (sorting wide rows spills to disk with thousands of events)."""
        return self.select_related("event_type").defer("body")


class EventIndexPage(RoutablePageMixin, BasePage):
    """The events listing: upcoming events first, with an archive of past ones."""

    intro = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text="Shown above the listing, e.g. how often the group meets and how to hear "
        "about meetings.",
    )
    no_upcoming_text = models.TextField(
        max_length=500,
        default="No events are planned at the moment. Subscribe to the events calendar to "
        "hear about new ones.",
        help_text="Shown instead of the listing when nothing is coming up.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("no_upcoming_text")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = "events index page"

    def get_summary(self):
        return Truncator(strip_tags(self.intro)).chars(160)

    @path("")
    def upcoming_events(self, request):
        return self.render(request)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if urls:
            urls.append({**urls[0], "location": urls[0]["location"] + self.reverse_subpage("past")})
        return urls

    @path("past/", name="past")
    def past_events(self, request):
        # The archive is its own page to readers: its own title, canonical link and breadcrumb.
        self.seo_title = f"Past events: {self.title}"
        return self.render(request, archive=True)

    def get_context(self, request, *args, archive=False, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filter_form = EventFilterForm(
            request.GET, event_types=EventType.cached_list(), formats=EventPage.Format.choices
        )

        def events():
            listed = EventPage.objects.child_of(self).live().readable_by(request).for_listing()
            return filter_form.filter(listed.past() if archive else listed.upcoming())

        page = lazy_page(events, EVENTS_PER_PAGE, request.GET.get("page"))
        context.update(
            archive=archive,
            filter_form=filter_form,
            events=page,
            # The page cache keeps only this listing's own addresses (`portal/cache.py`).
            cache_query=lambda: {**filter_form.active, "page": cache_page_number(page)},
            audience=audience(request),
            upcoming_url=self.get_url(request),
            past_url=self.get_url(request) + self.reverse_subpage("past"),
        )
        if archive:
            context["canonical_url"] = self.get_full_url(request) + self.reverse_subpage("past")
        return context

    def cache_expires_at(self, request):
        return self.lists_change_at

    @cached_property
    def lists_change_at(self):
        """Both lists change when an upcoming event ends and moves to the archive.

        Restricted events count too: changing early is harmless, and saves a query.
        """
        return next_moment_until_change(
            f"events-change-at:{self.pk}", EventPage.objects.child_of(self).live().next_end
        )


class EventPage(RoutablePageMixin, BasePage):
    """One meeting or event: what, when (UK time), where or how to join, and its status."""

    class Format(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        ONLINE = "online", "Online"
        HYBRID = "hybrid", "Hybrid (in person and online)"

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Going ahead"
        POSTPONED = "postponed", "Postponed"
        CANCELLED = "cancelled", "Cancelled"

    class MaterialsAudience(models.TextChoices):
        # Each choice lets in more people: those who registered always see their event's.
        REGISTERED = "registered", "People who registered"
        MEMBERS = "members", "People who registered, and members"
        EVERYONE = "everyone", "Everyone"

    class RegistrationMode(models.TextChoices):
        NONE = "none", "No registration"
        EXTERNAL = "external", "A booking link elsewhere"
        PORTAL = "portal", "Registration on this site"

    # A published change to any of these sends calendars a new SEQUENCE number, and people
    # registered on the portal an email with the updated calendar entry.
    CALENDAR_FIELDS = (
        "start",
        "end",
        "all_day",
        "format",
        "venue_name",
        "venue_address",
        "joining_link",
        "joining_details",
        "private_joining_link",
        "private_joining_instructions",
        "status",
    )

    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences for listings, search results and calendar entries.",
    )
    event_type = models.ForeignKey(
        EventType,
        on_delete=models.PROTECT,
        related_name="events",
        help_text="Editors manage this list under Events, Event types.",
    )
    status = models.CharField(
        max_length=10,
        choices=Status,
        default=Status.SCHEDULED,
        help_text="A postponed or cancelled event stays on the site with its status shown "
        "prominently; calendars that subscribed are updated.",
    )
    status_note = models.TextField(
        max_length=250,
        blank=True,
        help_text="Shown with a postponed or cancelled status, e.g. when a new date will be "
        "announced.",
    )
    start = models.DateTimeField(help_text="UK time (GMT or BST as the date requires).")
    end = models.DateTimeField(help_text="UK time. Must not be before the start.")
    all_day = models.BooleanField(
        default=False,
        help_text="Tick if the event lasts whole days: the times are then ignored and it runs "
        "from the start date to the end date.",
    )
    past_event_record = models.BooleanField(
        "record of a past event",
        default=False,
        help_text="Tick only when adding an event that has already happened, e.g. to keep its "
        "papers. Without the tick, a start in the past is refused as a likely mistyped date.",
    )
    format = models.CharField(
        max_length=10,
        choices=Format,
        default=Format.IN_PERSON,
        help_text="How people attend. In-person and hybrid events need a venue; online and "
        "hybrid events need joining details.",
    )
    venue_name = models.CharField(
        max_length=200, blank=True, help_text="Required for in-person and hybrid events."
    )
    venue_address = models.TextField(
        max_length=500,
        blank=True,
        help_text="Required for in-person and hybrid events. One line per line of the address.",
    )
    joining_link = models.URLField(
        blank=True,
        help_text="For online and hybrid events: the link to join, if it may be public.",
    )
    joining_details = models.TextField(
        max_length=1000,
        blank=True,
        help_text="For online and hybrid events: how to join, e.g. 'The link is emailed to "
        "registered attendees the day before.' Give this, a joining link, or both.",
    )
    registration = models.CharField(
        "how people register",
        max_length=10,
        choices=RegistrationMode,
        default=RegistrationMode.NONE,
        help_text="On this site: the page shows a form, and you see who is coming under "
        "Event registrations. A booking link: the page links to another site.",
    )
    registration_url = models.URLField(
        "booking link", blank=True, help_text="Only for a booking link elsewhere."
    )
    places = models.PositiveIntegerField(
        "number of places",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="For registration on this site. Leave blank for no limit. When it is full, "
        "people join a waiting list; raising the number offers places to them in order.",
    )
    registration_deadline = models.DateTimeField(
        "registration closes",
        null=True,
        blank=True,
        help_text="UK time. After this the page says registration has closed.",
    )
    private_joining_link = models.URLField(
        blank=True,
        help_text="For online and hybrid events with registration on this site: sent only to "
        "registered people (on registering and in the reminder the day before), never shown "
        "on the site.",
    )
    private_joining_instructions = models.TextField(
        max_length=2000,
        blank=True,
        help_text="Sent only to registered people with the private joining link, e.g. the "
        "meeting ID and passcode.",
    )
    ask_for_feedback = models.BooleanField(
        "ask for feedback before the certificate",
        default=False,
        help_text="Attendees rate the event and comment before they can download their CPD "
        "certificate.",
    )
    cpd_hours = models.DecimalField(
        "CPD hours",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.5"))],
        help_text="Continuing professional development hours attendees can claim, if any.",
    )
    body = StreamField(
        BodyBlock(), blank=True, help_text="Agenda, speakers, notes and papers to read."
    )
    materials_audience = models.CharField(
        "who can see the materials",
        max_length=10,
        choices=MaterialsAudience,
        default=MaterialsAudience.REGISTERED,
        help_text="People who registered reach them through a link emailed to them. Members "
        "see them on this page once signed in. Documents for people who registered or members "
        "are never downloadable by anyone else.",
    )

    # Kept up to date on save, never edited: what calendars and listings rely on.
    ends_at = models.DateTimeField(null=True, editable=False, db_index=True)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    last_modified = models.DateTimeField(null=True, editable=False)

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    details_panels = [
        MultiFieldPanel(
            [
                FieldPanel("event_type", widget=forms.Select),
                FieldRowPanel(
                    [
                        FieldPanel(
                            "start", widget=ReadBackDateTimeInput(all_day_field=ALL_DAY_CHECKBOX)
                        ),
                        FieldPanel(
                            "end",
                            widget=ReadBackDateTimeInput(
                                attrs=OPENS_ON_START, all_day_field=ALL_DAY_CHECKBOX
                            ),
                        ),
                    ]
                ),
                FieldPanel("all_day"),
                FieldPanel("past_event_record"),
                FieldPanel("status"),
                FieldPanel("status_note"),
            ],
            heading="What and when",
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("joining_link"),
                FieldPanel("joining_details"),
            ],
            heading="Where, or how to join",
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration", widget=forms.RadioSelect),
                FieldPanel("registration_url"),
                FieldPanel("places"),
                FieldPanel(
                    "registration_deadline", widget=ReadBackDateTimeInput(attrs=OPENS_ON_START)
                ),
                FieldPanel("private_joining_link"),
                FieldPanel("private_joining_instructions"),
                FieldPanel("cpd_hours"),
                FieldPanel("confirm_cpd_hours"),
                FieldPanel("ask_for_feedback"),
            ],
            heading="Registration and CPD",
        ),
    ]
    materials_panels = [
        FieldPanel("materials_audience", widget=forms.RadioSelect),
        InlinePanel(
            "materials",
            heading="Slides and recordings",
            label="material",
            help_text="After the event: each a document (slides, a PDF) or an https link (a "
            "recording on YouTube, Vimeo or Teams). Publishing emails everyone who had a place "
            "about what is new, once.",
        ),
    ]
    # Content and Details, then Materials, then Promote and Settings.
    _tabs = edit_tabs(content_panels, details_panels).children
    edit_handler = TabbedInterface(
        [*_tabs[:2], ObjectList(materials_panels, heading="Materials"), *_tabs[2:]]
    )
    base_form_class = EventPageForm

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("venue_name"),
        index.SearchField("body"),
        index.RelatedFields("event_type", [index.SearchField("name")]),
        index.FilterField("start"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    exclude_fields_in_copy = ["sequence", "last_modified"]

    class Meta:
        verbose_name = "event page"
        indexes = [models.Index(fields=["start"])]

    def get_summary(self):
        return self.summary

    # Routes: the page itself, and its calendar file.

    @path("")
    def event(self, request):
        return self.render(request)

    @path("ics/", name="ics")
    def ics(self, request):
        return calendar_response(calendar_for([self], request), filename=f"{self.slug}.ics")

    # What readers see.

    def get_context(self, request, *args, **kwargs):
        # The event type from the cached list rather than a query of its own.
        self.event_type = EventType.cached(self.event_type_id) or self.event_type
        return super().get_context(request, *args, **kwargs)

    @property
    def when(self):
        return describe_when(self.start, self.end, self.all_day)

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def is_postponed(self):
        return self.status == self.Status.POSTPONED

    @property
    def has_venue(self):
        return self.format in (self.Format.IN_PERSON, self.Format.HYBRID)

    @property
    def is_online(self):
        return self.format in (self.Format.ONLINE, self.Format.HYBRID)

    @property
    def is_group_meeting(self):
        return self.event_type.is_group_meeting

    @property
    def venue_lines(self):
        return [line.strip() for line in self.venue_address.splitlines() if line.strip()]

    @property
    def location(self):
        """Where the event is, on one line, e.g. for a calendar entry."""
        place = ", ".join([self.venue_name, *self.venue_lines]) if self.has_venue else ""
        if self.format == self.Format.ONLINE:
            return self.joining_link or "Online"
        if self.format == self.Format.HYBRID:
            return f"{place} and online"
        return place

    def has_ended(self, now=None):
        # Worked out afresh: a preview of unsaved changes has no up-to-date `ends_at`.
        return event_ends_at(self.start, self.end, self.all_day) <= (now or timezone.now())

    @cached_property
    def registration_is_open(self):
        now = timezone.now()
        return (
            not self.is_cancelled
            and not self.is_postponed
            and not self.has_ended(now)
            and (self.registration_deadline is None or now < self.registration_deadline)
        )

    def cache_expires_at(self, request):
        """The page changes when registration closes and when the event ends."""
        now = timezone.now()
        moments = [event_ends_at(self.start, self.end, self.all_day), self.registration_deadline]
        return min((moment for moment in moments if moment and moment > now), default=None)

    @property
    def shows_registration_form(self):
        """The page carries a form (and a CSRF token), so a shared page cache must skip it."""
        return self.registration == self.RegistrationMode.PORTAL

    def cache_public_response(self, request):
        return not self.shows_registration_form

    @property
    def booking_url(self):
        """The booking link elsewhere, if that is how people register."""
        if self.registration == self.RegistrationMode.EXTERNAL:
            return self.registration_url
        return ""

    @property
    def registration_deadline_text(self):
        return describe_moment(self.registration_deadline) if self.registration_deadline else ""

    # Validation and the bookkeeping calendars depend on.

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = f"'{self.slug}' is used by the events listing: choose another slug."
        if self.start and self.end:
            if self.all_day:
                first_day, last_day = all_day_dates(self.start, self.end)
                if last_day < first_day:
                    errors["end"] = "The last day must not be before the first day."
            elif self.end < self.start:
                errors["end"] = "The end must not be before the start."
        if self.has_venue:
            if not self.venue_name.strip():
                errors["venue_name"] = "Give the venue's name for an in-person or hybrid event."
            if not self.venue_address.strip():
                errors["venue_address"] = (
                    "Give the venue's address for an in-person or hybrid event."
                )
        if self.is_online and not (self.joining_link or self.joining_details.strip()):
            errors["joining_details"] = (
                "Say how to join online: give a joining link, joining details, or both."
            )
        if self.registration == self.RegistrationMode.EXTERNAL and not self.registration_url:
            errors["registration_url"] = "Give the booking link, or choose another way to register."
        if (
            self.registration_deadline
            and self.start
            and self.end
            and self.registration_deadline > event_ends_at(self.start, self.end, self.all_day)
        ):
            errors["registration_deadline"] = "Registration must close before the event ends."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # Pages made by scripts (and before registration had a choice) give only a link.
        if self.registration_url and self.registration == self.RegistrationMode.NONE:
            self.registration = self.RegistrationMode.EXTERNAL
        if kwargs.get("update_fields") is None:
            self._track_calendar_changes()
        return super().save(*args, **kwargs)

    def _track_calendar_changes(self):
        """Work out when the event ends, and tell calendars when a published event changed.

        The database row holds the published version while editors work on drafts, so comparing
        with it on a live save tells whether a publish changed the time, place or status.
        Sequence and last-modified always continue from the row, never from an older revision.
        """
        if self.start and self.end:
            self.ends_at = event_ends_at(self.start, self.end, self.all_day)
        previous = None
        if self.pk:
            previous = (
                EventPage.objects.filter(pk=self.pk)
                .values("last_published_at", "sequence", "last_modified", *self.CALENDAR_FIELDS)
                .first()
            )
        if previous is None:
            self.sequence = 0
            self.last_modified = timezone.now()
            return
        self.sequence = previous["sequence"]
        self.last_modified = previous["last_modified"]
        if not self.live:
            return
        was_published = previous["last_published_at"] is not None
        if was_published and any(
            _comparable(getattr(self, name)) != _comparable(previous[name])
            for name in self.CALENDAR_FIELDS
        ):
            self.sequence += 1
        self.last_modified = timezone.now()


class EventMaterialQuerySet(models.QuerySet):
    def restricted(self):
        """Materials of events whose audience is not everyone (on their published version)."""
        return self.exclude(page__materials_audience=EventPage.MaterialsAudience.EVERYONE)


class EventMaterial(Orderable):
    """Slides or a recording of an event: a document, or an https link elsewhere.

    Who may see it is the event's `materials_audience`; the registrations app shows and serves
    materials, and keeps documents for a restricted audience from Wagtail's public document
    address (`events/wagtail_hooks.py`).
    """

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(max_length=200, help_text="e.g. 'Slides: sepsis audit results'.")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Slides or a paper. Give a document or a link, not both.",
    )
    link = models.URLField(
        blank=True,
        validators=[URLValidator(schemes=["https"])],
        help_text="A recording elsewhere, starting https://, e.g. on YouTube, Vimeo or Teams.",
    )

    objects = EventMaterialQuerySet.as_manager()

    panels = [FieldPanel("title"), FieldPanel("document"), FieldPanel("link")]

    class Meta(Orderable.Meta):
        verbose_name = "material"

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if bool(self.document_id) == bool(self.link):
            raise ValidationError(
                {"link": "Give a document or a link (not both) for each material."}
            )


def _comparable(value):
    # Revisions keep datetimes to the millisecond; calendars care about seconds at most.
    if hasattr(value, "microsecond"):
        return value.replace(microsecond=0)
    return value
