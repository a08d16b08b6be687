"""Trials into practice: the listing of trial summaries and the page for each trial.

Each trial page says what a practice-changing trial found, what it means for practice, which
library resources help put it into practice, and how far implementation has come, with the date
it was last reviewed and when it is next due for review.
"""

import re
from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.dispatch import receiver
from django.utils.functional import SimpleLazyObject
from django.utils.text import Truncator
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index
from wagtail.signals import page_published

from events.models import EventPage
from library.models import ResourcePage, Topic
from portal.dates import next_uk_midnight, uk_today
from portal.doi import DOI_ERROR, doi_url, is_doi, normalise_doi
from portal.models import BasePage, PortalPageQuerySet, edit_tabs
from portal.pagination import cache_page_number, lazy_page
from portal.rich_text import TEXT_FEATURES
from trials.feeds import TrialSummariesFeed
from trials.forms import TrialFilterForm
from trials.registries import CLINICALTRIALS_GOV, ISRCTN

TRIALS_PER_PAGE = 10
# The dashboard lists summaries whose review falls due within this many days, or is overdue.
REVIEW_WARNING_DAYS = 30
# Summaries are reviewed every two years, as TREKK's bottom-line summaries are.
REVIEW_INTERVAL_YEARS = 2
# Child pages with these slugs would be hidden behind the index's own routes.
RESERVED_SLUGS = {"feed"}


class Stage(models.TextChoices):
    """How far a trial's result has travelled into practice, in the order it usually goes."""

    RESULTS_PUBLISHED = "results_published", "Results published"
    GUIDANCE_UPDATED = "guidance_updated", "Guidance updated"
    LOCAL_PROTOCOLS = "local_protocols", "Local protocols"
    AUDITED = "audited", "Audited in practice"


# What each stage means, for editors choosing one and for readers seeing where a trial is.
STAGE_DESCRIPTIONS = {
    Stage.RESULTS_PUBLISHED: "The results are published in a peer-reviewed paper.",
    Stage.GUIDANCE_UPDATED: "A national guideline or professional body's guidance now reflects "
    "the result.",
    Stage.LOCAL_PROTOCOLS: "Units are changing their own protocols and teaching to match.",
    Stage.AUDITED: "Practice has been audited against the new standard.",
}


def stage_help_text():
    return "How far the result has got into practice. " + " ".join(
        f"{stage.label}: {STAGE_DESCRIPTIONS[stage]}" for stage in Stage
    )


class TrialPageQuerySet(PortalPageQuerySet):
    """Queries the listing, the feed, the home page and the dashboard share."""

    def newest_first(self):
        return self.order_by("-first_published_at", "-id")

    def for_listing(self):
        """What listings show of each trial, in a fixed number of queries, without the long
        texts they never show."""
        return self.prefetch_related("topics").defer("findings", "implications", "question")

    def due_for_review(self, today=None, within_days=REVIEW_WARNING_DAYS):
        """Trials whose review date has passed or falls within `within_days`, soonest first."""
        today = today or uk_today()
        return self.filter(review_by__lte=today + timedelta(days=within_days)).order_by(
            "review_by", "pk"
        )


class TrialIndexPage(RoutablePageMixin, BasePage):
    """The trials listing: search, filters by stage and topic, and a feed of summaries."""

    introduction = models.TextField(
        blank=True,
        max_length=600,
        help_text="A sentence or two under the title saying what readers will find here.",
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["trials.TrialPage"]
    max_count = 1

    class Meta:
        verbose_name = "trials index page"

    def get_summary(self):
        return self.introduction

    def trials(self):
        """Published, public trial pages in this listing, in no particular order."""
        return TrialPage.objects.live().public().descendant_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = TrialFilterForm(request.GET, stages=Stage.choices, topics=Topic.cached_list())
        page = lazy_page(
            lambda: form.search(self.trials().for_listing()),
            TRIALS_PER_PAGE,
            request.GET.get("page"),
        )
        context.update(
            form=form,
            trials=page,
            # The page cache keeps only this listing's own addresses (`pagecache/cache.py`).
            cache_query=lambda: {**form.query_in_force(), "page": cache_page_number(page)},
            feed_url=self.get_url(request) + self.reverse_subpage("feed"),
        )
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        return TrialSummariesFeed(self)(request)


class TrialPageForm(WagtailAdminPageForm):
    """Lists events newest first with their dates, so editors can tell repeat events apart."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("related_events")
        if field is not None:
            field.queryset = field.queryset.order_by("-start", "-pk")
            field.label_from_instance = lambda event: f"{event.title} ({event.start:%d %b %Y})"


class TrialPage(BasePage):
    """One trial: what it asked and found, what that means for practice, and how to act on it."""

    acronym = models.CharField(
        max_length=40,
        blank=True,
        help_text="The short name the trial is known by, e.g. 'FIRST-ABC'. The page title is "
        "the trial's full name.",
    )
    summary = models.TextField(
        "bottom line",
        max_length=300,
        help_text="The result and what it means, in one or two plain sentences. Shown in the "
        "listing, on the home page, in search results and in the feed.",
    )
    question = models.TextField(
        "the question",
        max_length=600,
        help_text="What the trial set out to answer, e.g. 'In children needing intensive "
        "care, does X compared with Y reduce Z?'",
    )
    findings = RichTextField(
        "what it found",
        features=TEXT_FEATURES,
        help_text="The main result in plain language, for a busy clinician: who took part, "
        "what was compared, what happened. Numbers where they help.",
    )
    implications = RichTextField(
        "what it means for practice",
        features=TEXT_FEATURES,
        help_text="What units might change, for which children, and any cautions.",
    )

    isrctn = models.CharField(
        "ISRCTN number",
        # Room for a pasted link to the record: what is saved is the number alone.
        max_length=200,
        blank=True,
        help_text="e.g. ISRCTN12345678. The number alone, or a link to the ISRCTN record, is "
        "accepted too. Give this, a ClinicalTrials.gov number, or both, if the trial has them.",
    )
    nct_number = models.CharField(
        "ClinicalTrials.gov number",
        max_length=200,
        blank=True,
        help_text="e.g. NCT01234567. A link to the ClinicalTrials.gov record is accepted too.",
    )
    result_doi = models.CharField(
        "DOI of the results paper",
        max_length=200,
        blank=True,
        help_text="e.g. 10.1186/1748-5908-7-37. A doi.org link is accepted too.",
    )
    result_citation = models.TextField(
        "results paper",
        max_length=1000,
        blank=True,
        help_text="The paper reporting the results, as a reference, e.g. in Vancouver style.",
    )
    stage = models.CharField(
        "implementation stage",
        max_length=20,
        choices=Stage,
        default=Stage.RESULTS_PUBLISHED,
        help_text=stage_help_text(),
    )
    topics = ParentalManyToManyField(
        Topic,
        related_name="trials",
        blank=True,
        help_text="The library's topics this trial is about; readers filter trials by these.",
    )
    related_events = ParentalManyToManyField(
        EventPage,
        related_name="related_trials",
        blank=True,
        help_text="Events about this trial or its implementation, e.g. a results webinar.",
    )
    last_reviewed = models.DateField(
        help_text="When the summary was last checked against the evidence. Shown on the page."
    )
    review_by = models.DateField(
        "review by",
        help_text=f"When the summary is next due for review, usually {REVIEW_INTERVAL_YEARS} "
        f"years after it was last reviewed. Moderators see it on their dashboard "
        f"{REVIEW_WARNING_DAYS} days before.",
    )

    objects = PageManager.from_queryset(TrialPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("acronym"),
        FieldPanel("summary"),
        FieldPanel("question"),
        FieldPanel("findings"),
        FieldPanel("implications"),
        InlinePanel(
            "implementation_resources",
            label="Resource",
            heading="Implementation resources",
            help_text="Protocols, slide sets, audit tools and other resources from the library "
            "that help units put the result into practice, in the order readers should see "
            "them.",
        ),
    ]
    details_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("isrctn"), FieldPanel("nct_number")]),
                FieldPanel("result_doi"),
                FieldPanel("result_citation"),
            ],
            heading="Registration and results",
        ),
        FieldPanel("stage", widget=forms.RadioSelect),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_by")], heading="Review"),
        InlinePanel("contacts", label="Contact", heading="Contacts"),
        FieldPanel("related_events", widget=forms.CheckboxSelectMultiple),
    ]
    edit_handler = edit_tabs(content_panels, details_panels)

    search_fields = [
        *Page.search_fields,
        index.SearchField("acronym", boost=2),
        index.AutocompleteField("acronym"),
        index.SearchField("summary"),
        index.SearchField("question"),
        index.SearchField("findings"),
        index.SearchField("implications"),
        index.SearchField("isrctn"),
        index.SearchField("nct_number"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("stage"),
    ]

    base_form_class = TrialPageForm
    parent_page_types = ["trials.TrialIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "trial page"
        indexes = [models.Index(fields=["review_by"], name="trials_review_by")]

    def get_summary(self):
        return Truncator(self.summary).chars(160)

    def get_meta_description(self):
        return self.search_description or self.summary

    # What readers see.

    @property
    def name_with_acronym(self):
        """e.g. "Fluids In Resuscitation of Sepsis Trial (FIRST)", for feeds; not twice if the
        title already holds the acronym as a word."""
        if self.acronym and not re.search(rf"\b{re.escape(self.acronym)}\b", self.title):
            return f"{self.title} ({self.acronym})"
        return self.title

    @property
    def isrctn_url(self):
        return ISRCTN.record_url(self.isrctn)

    @property
    def nct_url(self):
        return CLINICALTRIALS_GOV.record_url(self.nct_number)

    @property
    def result_doi_url(self):
        return doi_url(self.result_doi)

    @property
    def stage_steps(self):
        """Every stage in order, each marked done, current or to come, for the progress list."""
        current = list(Stage).index(Stage(self.stage))
        return [
            {
                "label": stage.label,
                "description": STAGE_DESCRIPTIONS[stage],
                "state": "done"
                if number < current
                else "current"
                if number == current
                else "to-come",
                "number": number + 1,
            }
            for number, stage in enumerate(Stage)
        ]

    @property
    def stage_number(self):
        return list(Stage).index(Stage(self.stage)) + 1

    @property
    def review_is_overdue(self):
        """Past its review date: readers are told, so they can weigh the summary accordingly."""
        return self.review_by is not None and self.review_by < uk_today()

    def cache_expires_at(self, request):
        # The notice that a review is overdue appears as the UK date passes the review date.
        return None if self.review_is_overdue else next_uk_midnight()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Looked up when the template first shows them, so a kept copy of the page's content
        # (`{% cached_fragment %}`) costs none of these queries.
        context.update(
            index_page=SimpleLazyObject(self.get_parent),
            topics=SimpleLazyObject(lambda: list(self.topics.all())),
            resources=SimpleLazyObject(self.live_implementation_resources),
            related_events=SimpleLazyObject(lambda: list(self.live_related_events())),
            contacts=SimpleLazyObject(lambda: list(self.contacts.all())),
        )
        return context

    def live_implementation_resources(self):
        """The published resources chosen, in the editor's order (previews show unsaved ones)."""
        ids = [item.resource_id for item in self.implementation_resources.all()]
        found = (
            ResourcePage.objects.live()
            .public()
            .filter(pk__in=ids)
            .select_related("resource_type")
            .defer("body")
            .in_bulk()
        )
        return [found[pk] for pk in dict.fromkeys(ids) if pk in found]

    def live_related_events(self):
        """Published related events, most recent first; previews show the editor's choice."""
        event_ids = [event.pk for event in self.related_events.all()]
        return EventPage.objects.live().public().filter(pk__in=event_ids).order_by("-start", "-pk")

    # Validation.

    def clean(self):
        super().clean()
        errors = {}
        self.isrctn = ISRCTN.normalise(self.isrctn)
        if self.isrctn and not ISRCTN.is_valid(self.isrctn):
            errors["isrctn"] = ISRCTN.error
        self.nct_number = CLINICALTRIALS_GOV.normalise(self.nct_number)
        if self.nct_number and not CLINICALTRIALS_GOV.is_valid(self.nct_number):
            errors["nct_number"] = CLINICALTRIALS_GOV.error
        self.result_doi = normalise_doi(self.result_doi)
        if self.result_doi and not is_doi(self.result_doi):
            errors["result_doi"] = DOI_ERROR
        if self.last_reviewed and self.last_reviewed > uk_today():
            errors["last_reviewed"] = "The last review cannot be in the future."
        if self.last_reviewed and self.review_by and self.review_by <= self.last_reviewed:
            errors["review_by"] = "The next review must be after the last review."
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = f"'{self.slug}' is the address of the trials feed: choose another."
        if errors:
            raise ValidationError(errors)


class TrialResource(Orderable):
    """A library resource that helps put the trial's result into practice."""

    page = ParentalKey(TrialPage, on_delete=models.CASCADE, related_name="implementation_resources")
    resource = models.ForeignKey(
        ResourcePage,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Choose a resource from the library. Add it to the library first if it is "
        "not there yet.",
    )

    panels = [FieldPanel("resource")]

    class Meta(Orderable.Meta):
        verbose_name = "implementation resource"


class TrialContact(Orderable):
    """Someone readers can contact about the trial or implementing it, as they agreed to be shown.

    Only what the person agreed to publish: the page shows every field given here.
    """

    page = ParentalKey(TrialPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=120, help_text="e.g. 'Dr A Example' or a team's name.")
    role = models.CharField(
        max_length=120,
        blank=True,
        help_text="e.g. 'Chief investigator' or 'Implementation lead'.",
    )
    organisation = models.CharField(max_length=160, blank=True)
    email = models.EmailField(blank=True, help_text="Only an address the contact agreed to show.")

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("email"),
    ]

    def __str__(self):
        return self.name


@receiver(page_published, sender=TrialPage)
def reindex_with_saved_topics(sender, instance, **kwargs):
    """Index the trial again once its topics are saved (as the library's resources do)."""
    index.insert_or_update_object(instance)
