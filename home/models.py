"""The home page and the general-purpose standard page."""

from django.db import models
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.text import Truncator
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from events.models import EventIndexPage, EventPage
from pagecache.cache import next_moment_until_change
from portal.blocks import BodyBlock
from portal.models import BasePage
from portal.rich_text import TEXT_FEATURES
from trials.models import TrialIndexPage, TrialPage

LATEST_TRIALS = 3


class HomePage(BasePage):
    """The front page: who the group is, what it is for, and how to take part."""

    hero_title = models.CharField(
        max_length=150,
        help_text="The large heading at the top of the home page, e.g. the group's name.",
    )
    introduction = models.TextField(
        blank=True,
        max_length=600,
        help_text="One or two sentences under the heading, e.g. who chairs the group.",
    )
    purpose_heading = models.CharField(
        max_length=120,
        default="Our purpose",
        help_text="The heading above the purpose on the home page.",
    )
    purpose = RichTextField(
        features=TEXT_FEATURES, help_text="Why the group exists, in a paragraph or two."
    )
    aims_heading = models.CharField(
        max_length=120,
        default="Aims of the group",
        help_text="The heading above the numbered list of aims on the home page.",
    )
    membership_heading = models.CharField(
        max_length=120,
        default="Membership",
        help_text="The heading above the membership summary and the join button.",
    )
    membership_summary = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text="Who can join, in a sentence or two. Link to the membership page for more.",
    )
    join_button_text = models.CharField(
        max_length=80, default="Join the group", help_text="The words on the join button."
    )
    join_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page the join button opens. Leave blank to hide the button.",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("introduction")], heading="Hero"),
        MultiFieldPanel([FieldPanel("purpose_heading"), FieldPanel("purpose")], heading="Purpose"),
        MultiFieldPanel(
            [
                FieldPanel("aims_heading"),
                InlinePanel("aims", label="Aim", min_num=1, heading="Aims, in order"),
            ],
            heading="Aims",
        ),
        MultiFieldPanel(
            [
                FieldPanel("membership_heading"),
                FieldPanel("membership_summary"),
                FieldPanel("join_button_text"),
                FieldPanel("join_page"),
            ],
            heading="Membership and joining",
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("purpose"),
        index.SearchField("membership_summary"),
        index.RelatedFields("aims", [index.SearchField("text")]),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "library.LibraryIndexPage",
        "membership.JoinPage",
        "events.EventIndexPage",
        "trials.TrialIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def get_summary(self):
        return self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.upcoming_events_teaser())
        context.update(self.latest_trials_teaser())
        return context

    def cache_expires_at(self, request):
        return self.teaser_changes_at

    @cached_property
    def teaser_changes_at(self):
        """The teaser changes when one of the next events ends."""
        return next_moment_until_change(
            f"home-teaser-change-at:{self.pk}",
            EventPage.objects.descendant_of(self).live().next_end,
        )

    def upcoming_events_teaser(self):
        """The next three events on this site and the events index, for the home page teaser.

        Both are looked up when the template first shows them, so a kept copy of the page's
        content (`{% cached_fragment %}`) costs no query.
        """
        events = EventPage.objects.descendant_of(self).live().public().upcoming().for_listing()
        return {
            "events_index": SimpleLazyObject(
                lambda: EventIndexPage.objects.child_of(self).live().public().first()
            ),
            "upcoming_events": events[:3],
        }

    def latest_trials_teaser(self):
        """The newest trial summaries, looked up only when the template first shows them."""
        trials = TrialPage.objects.descendant_of(self).live().public().for_listing()
        return {
            "trials_index": SimpleLazyObject(
                lambda: TrialIndexPage.objects.child_of(self).live().public().first()
            ),
            "latest_trials": trials.newest_first()[:LATEST_TRIALS],
        }


class HomePageAim(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="aims")
    text = models.TextField(max_length=600, help_text="One aim of the group, as a sentence.")

    panels = [FieldPanel("text")]

    def __str__(self):
        return self.text


class StandardPage(BasePage):
    """A general page: about, membership, privacy notice, accessibility statement."""

    introduction = models.TextField(
        blank=True,
        max_length=600,
        help_text="A short summary shown under the title and in search results.",
    )
    body = StreamField(BodyBlock(), blank=True, help_text="The main content of the page.")

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = "standard page"

    def get_summary(self):
        return Truncator(self.introduction).chars(160)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A member sees the members-only pages of a section too, marked as such.
        context["section_pages"] = (
            StandardPage.objects.child_of(self).live().readable_by(request).order_by("path")
        )
        return context
