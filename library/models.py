"""The resource library: editor-managed resource types and topics, the library and its resources."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.dispatch import receiver
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.text import Truncator
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.signals import page_published

from events.models import EventPage
from library.feeds import NewResourcesFeed
from library.forms import LibraryFilterForm
from pagecache.cache import cached_until_change
from portal.blocks import BodyBlock
from portal.dates import next_uk_midnight, uk_today
from portal.doi import DOI_ERROR, doi_url, is_doi, normalise_doi
from portal.models import BasePage, ListEntry, audience, edit_tabs
from portal.pagination import cache_page_number, lazy_page

RESOURCES_PER_PAGE = 10
RELATED_ON_SAME_TOPICS = 4


class ResourceType(ListEntry):
    """What kind of thing a resource is, from a short list editors manage."""

    name = models.CharField(max_length=80, unique=True, help_text="e.g. 'Guideline'.")
    has_closing_date = models.BooleanField(
        default=False,
        help_text="Resources of this type (e.g. funding opportunities) have a closing date and "
        "can be listed as open or closed.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("has_closing_date")]

    class Meta(ListEntry.Meta):
        verbose_name = "resource type"


class Topic(ListEntry):
    """A subject readers browse by; a resource can have several."""

    name = models.CharField(max_length=80, unique=True, help_text="e.g. 'Implementation science'.")

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(ListEntry.Meta):
        verbose_name = "topic"


class LibraryIndexPage(RoutablePageMixin, BasePage):
    """The library: search, filters and the list of resources, plus a feed of new ones."""

    introduction = models.TextField(
        blank=True,
        max_length=600,
        help_text="A sentence or two under the title saying what readers will find here.",
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.ResourcePage"]
    max_count = 1

    class Meta:
        verbose_name = "resource library"

    def get_summary(self):
        return self.introduction

    def resources(self, request=None):
        """Published resources in this library that the reader may open (without a request,
        public ones), in no particular order."""
        return ResourcePage.objects.live().readable_by(request).descendant_of(self)

    def resources_for_listing(self, request=None):
        """`resources()` with what the listing shows of each, in a fixed number of queries.

        Without the write-ups the listing never shows, sorting thousands of matches stays in
        memory: a one-word search over 10,000 resources took 37 ms to list, 14 ms without.
        """
        return (
            self.resources(request)
            .select_related("resource_type")
            .prefetch_related("topics")
            .defer("body")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resources = self.resources(request)
        reader = audience(request)
        form = LibraryFilterForm(
            request.GET,
            topics=Topic.cached_list(),
            resource_types=ResourceType.cached_list(),
            years=cached_until_change(
                f"library-years:{self.pk}:{reader}",
                lambda: [day.year for day in resources.dates("publication_date", "year", "DESC")],
            ),
        )
        page = lazy_page(
            lambda: form.search(self.resources_for_listing(request)),
            RESOURCES_PER_PAGE,
            request.GET.get("page"),
        )
        context.update(
            form=form,
            resources=page,
            # The page cache keeps only this listing's own addresses (`portal/cache.py`).
            cache_query=lambda: {**form.query_in_force(), "page": cache_page_number(page)},
            feed_url=self.get_url(request) + self.reverse_subpage("feed"),
            today=uk_today(),
            audience=reader,
        )
        return context

    def cache_expires_at(self, request):
        # Funding opportunities show as open or closed, and close at midnight.
        return next_uk_midnight()

    @path("feed/")
    def feed(self, request):
        return NewResourcesFeed(self)(request)


class ResourcePageForm(WagtailAdminPageForm):
    """Lists events newest first with their dates, so editors can tell repeat events apart."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["related_events"]
        field.queryset = field.queryset.order_by("-start", "-pk")
        field.label_from_instance = lambda event: f"{event.title} ({event.start:%d %b %Y})"


class ResourcePage(BasePage):
    """One resource: a link, documents or a write-up, with what readers need to judge it."""

    summary = models.TextField(
        max_length=400,
        help_text="One or two sentences saying what this is and who it is for. Shown in the "
        "library, in search results and in the feed.",
    )
    resource_type = models.ForeignKey(
        ResourceType,
        on_delete=models.PROTECT,
        related_name="resources",
        help_text="What kind of resource this is. Editors manage the list under Resource "
        "library, Resource types, in the admin menu.",
    )
    topics = ParentalManyToManyField(
        Topic,
        related_name="resources",
        blank=True,
        help_text="Every topic this resource is about; readers filter the library by these.",
    )
    authors = models.CharField(
        max_length=255,
        blank=True,
        help_text="Authors or source organisation, as readers would look for them, "
        "e.g. 'Cane J, O'Connor D, Michie S'.",
    )
    publication_date = models.DateField(
        help_text="When the resource was published or first made available. Readers see the "
        "month and year, so if only those are known, use the first of the month."
    )
    external_url = models.URLField(
        "external link",
        max_length=500,
        blank=True,
        help_text="Where the resource lives on the web, if it is not uploaded here.",
    )
    citation = models.TextField(
        max_length=1000,
        blank=True,
        help_text="How to cite it, e.g. a reference in Vancouver or Harvard style.",
    )
    doi = models.CharField(
        "DOI",
        max_length=200,
        blank=True,
        help_text="e.g. 10.1186/1748-5908-7-37. A doi.org link is accepted too.",
    )
    closing_date = models.DateField(
        null=True,
        blank=True,
        help_text="Funding opportunities only: the last day to apply. The opportunity shows as "
        "open until the end of this day, UK time. Leave blank for calls with no deadline.",
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text="A write-up: what the resource covers and how readers might use it.",
    )
    related_events = ParentalManyToManyField(
        EventPage,
        related_name="related_resources",
        blank=True,
        help_text="The events this resource came from, e.g. the recording or slides of a talk. "
        "Each event page lists its resources too.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("external_url"),
                InlinePanel("documents", label="Document", heading="Uploaded documents"),
            ],
            heading="Where readers get it",
        ),
        FieldPanel("body"),
    ]
    details_panels = [
        MultiFieldPanel(
            [
                FieldPanel("resource_type", widget=forms.Select),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("authors"),
                FieldPanel("publication_date"),
            ],
            heading="About the resource",
        ),
        MultiFieldPanel([FieldPanel("citation"), FieldPanel("doi")], heading="Citation"),
        FieldPanel("closing_date", heading="Closing date (funding opportunities)"),
        FieldPanel("related_events", widget=forms.CheckboxSelectMultiple),
    ]
    edit_handler = edit_tabs(content_panels, details_panels)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("authors"),
        index.SearchField("citation"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("resource_type", [index.SearchField("name")]),
        index.FilterField("publication_date"),
        index.FilterField("resource_type"),
        index.FilterField("closing_date"),
    ]

    base_form_class = ResourcePageForm
    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "resource"
        indexes = [
            # Listings and searches sorted newest first read resources in this order and stop
            # after a page of them, instead of sorting the whole library for every page.
            models.Index(fields=["publication_date", "page_ptr"], name="library_resource_newest"),
        ]

    def get_summary(self):
        return Truncator(self.summary).chars(160)

    def clean(self):
        super().clean()
        errors = {}
        self.doi = normalise_doi(self.doi)
        if self.doi and not is_doi(self.doi):
            errors["doi"] = DOI_ERROR
        takes_closing_date = self.resource_type_id and self.resource_type.has_closing_date
        if self.closing_date and not takes_closing_date:
            errors["closing_date"] = (
                "Only funding opportunities have a closing date: clear it, or choose a "
                "resource type that has one."
            )
        if self.slug == "feed":
            errors["slug"] = "'feed' is the address of the library's news feed."
        if errors:
            raise ValidationError(errors)

    def cache_expires_at(self, request):
        return next_uk_midnight() if self.closing_date else None

    @property
    def doi_url(self):
        return doi_url(self.doi)

    @property
    def has_closing_date(self):
        return self.resource_type.has_closing_date

    @property
    def is_open(self):
        """Open until the end of the closing day in the UK; no closing date means no deadline."""
        return self.closing_date is None or self.closing_date >= uk_today()

    @property
    def external_domain(self):
        """The site the external link goes to, so readers know where they will land."""
        host = self.external_url.split("//", 1)[-1].split("/", 1)[0]
        return host.removeprefix("www.")

    @cached_property
    def document_links(self):
        return list(self.documents.select_related("document"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The resource type from the cached list rather than a query of its own.
        self.resource_type = ResourceType.cached(self.resource_type_id) or self.resource_type
        # Looked up when the template first shows them, so a kept copy of the page's content
        # (`{% cached_fragment %}`) costs none of these queries.
        context.update(
            topics=SimpleLazyObject(lambda: self.topic_list),
            library=SimpleLazyObject(self.get_parent),
            related_events=SimpleLazyObject(lambda: list(self.live_related_events())),
            related_on_topics=SimpleLazyObject(lambda: self.related_on_topics(self.topic_list)),
        )
        return context

    @cached_property
    def topic_list(self):
        return list(self.topics.all())

    def live_related_events(self):
        """Published events this resource came from, most recent first.

        Read through the relation's ids, so previews show the editor's unsaved choice.
        """
        event_ids = [event.pk for event in self.related_events.all()]
        return EventPage.objects.live().public().filter(pk__in=event_ids).order_by("-start", "-pk")

    def related_on_topics(self, topics):
        """Other resources sharing most of this one's topics, newest first among equals."""
        if not topics:
            return []
        return list(
            ResourcePage.objects.live()
            .public()
            .exclude(pk=self.pk)
            .filter(topics__in=topics)
            .annotate(shared_topics=Count("topics"))
            .select_related("resource_type")
            .order_by("-shared_topics", "-publication_date", "-pk")[:RELATED_ON_SAME_TOPICS]
        )


class ResourceDocument(Orderable):
    """A document uploaded to the library as part of a resource, with an optional link label."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Upload or choose the file readers will download.",
    )
    label = models.CharField(
        max_length=120,
        blank=True,
        help_text="What the download link says, e.g. 'Slides'. The document's title if blank.",
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    def __str__(self):
        return self.label or self.document.title

    @property
    def link_text(self):
        return self.label or self.document.title


@receiver(page_published, sender=ResourcePage)
def reindex_with_saved_topics(sender, instance, **kwargs):
    """Index the resource again once its topics are saved.

    The search index is updated as the page row is saved, a moment before modelcluster saves
    the page's topics, so without this a search by topic would see the previous topics.
    """
    index.insert_or_update_object(instance)
