"""The library's search and filter form: reads the query string, keeping only what it knows."""

from django import forms
from django.db.models import Q
from django.utils.functional import cached_property

from portal.dates import uk_today
from portal.search import ListingSearchForm, search_words_field

SORT_ORDERS = {
    "newest": ("-publication_date", "-id"),
    "title": ("title", "-publication_date", "-id"),
}


class LibraryFilterForm(ListingSearchForm):
    """Search words, filters and sort order for the library listing."""

    q = search_words_field("Search the library")
    topic = forms.MultipleChoiceField(
        label="Topics",
        required=False,
        help_text="Resources on any of the topics you tick.",
        widget=forms.CheckboxSelectMultiple,
    )
    type = forms.ChoiceField(label="Type of resource", required=False)
    year = forms.ChoiceField(label="Year published", required=False)
    open = forms.BooleanField(label="Open funding opportunities only", required=False)
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[("newest", "Newest first"), ("title", "Title (A to Z)")],
    )

    def __init__(self, data, *, topics, resource_types, years):
        super().__init__()
        self.topics = {topic.slug: topic for topic in topics}
        self.resource_types = {kind.slug: kind for kind in resource_types}
        self.fields["topic"].choices = [(slug, topic.name) for slug, topic in self.topics.items()]
        self.fields["type"].choices = [
            ("", "Any type"),
            *((slug, resource_type.name) for slug, resource_type in self.resource_types.items()),
        ]
        self.fields["year"].choices = [("", "Any year"), *((str(year), year) for year in years)]
        self.bind(data, ("topic", "type", "year", "sort"))

    @cached_property
    def applied(self):
        """The cleaned choices, with a search that failed validation left out."""
        self.is_valid()
        return {
            "q": self.cleaned_data.get("q", "").strip(),
            "topics": [self.topics[slug] for slug in self.cleaned_data["topic"]],
            "resource_type": self.resource_types.get(self.cleaned_data["type"]),
            "year": int(self.cleaned_data["year"]) if self.cleaned_data["year"] else None,
            "open_only": self.cleaned_data["open"],
            "sort": self.cleaned_data["sort"] or "newest",
        }

    def search(self, resources):
        """Filter, search and sort `resources` in a fixed number of queries; `resources`
        carries what the template needs (select_related, prefetch_related)."""
        applied = self.applied
        filters = []
        if applied["topics"]:
            filters.append(Q(topics__in=applied["topics"]))
        if applied["resource_type"]:
            filters.append(Q(resource_type=applied["resource_type"]))
        if applied["year"]:
            filters.append(Q(publication_date__year=applied["year"]))
        if applied["open_only"]:
            filters.append(Q(resource_type__has_closing_date=True))
            filters.append(Q(closing_date__isnull=True) | Q(closing_date__gte=uk_today()))
        results = self.narrowed(resources, filters).order_by(*SORT_ORDERS[applied["sort"]])
        return self.searched(results)

    def query_in_force(self):
        """The parameters as applied, each as a link would give it: what the page cache keys on."""
        applied = self.applied
        return {
            "q": applied["q"],
            "topic": [topic.slug for topic in applied["topics"]],
            "type": applied["resource_type"].slug if applied["resource_type"] else None,
            "year": applied["year"],
            "open": "on" if applied["open_only"] else None,
            "sort": self.cleaned_data["sort"],
        }

    @property
    def is_filtered(self):
        applied = self.applied
        return bool(
            applied["q"]
            or applied["topics"]
            or applied["resource_type"]
            or applied["year"]
            or applied["open_only"]
        )
