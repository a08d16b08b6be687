"""The library's search and filter form: reads the query string, keeping only what it knows."""

from django import forms
from django.db.models import Q
from django.utils.functional import cached_property

from portal.dates import uk_today
from portal.search import MAX_QUERY_LENGTH, QUERY_TOO_LONG_MESSAGE, plain_words

SORT_ORDERS = {
    "newest": ("-publication_date", "-id"),
    "title": ("title", "-publication_date", "-id"),
}


class LibraryFilterForm(forms.Form):
    """Search words, filters and sort order for the library listing.

    Links get shared, bookmarked and mangled, so an unknown topic, type, year or sort order is
    dropped (and listed in `ignored`) rather than failing the whole form: the form is then bound
    to what was applied, and shows readers exactly that.
    """

    q = forms.CharField(
        label="Search the library",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": QUERY_TOO_LONG_MESSAGE},
        widget=forms.TextInput(attrs={"type": "search"}),
    )
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
        self.ignored = []
        self.data = self._known_values_only(data)
        self.is_bound = True

    def _known_values_only(self, data):
        known = data.copy()
        for name in ("topic", "type", "year", "sort"):
            field = self.fields[name]
            values = [value for value in data.getlist(name) if value]
            valid = [value for value in values if field.valid_value(value)]
            self.ignored += [(field.label, value) for value in values if value not in valid]
            known.setlist(name, valid if name == "topic" else valid[-1:])
        return known

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
        """Filter, search and sort `resources` in a fixed number of queries.

        `resources` carries what the template needs (select_related, prefetch_related). Filters
        run in the database as a subquery of page ids, so the search backend only has to match
        words and sort, and every filter works the same with every backend. The subquery starts
        from every resource: `resources` already keeps to the published ones in this library,
        and checking that twice made PostgreSQL join the page table once more for each search.
        """
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
        if filters:
            matching = resources.model.objects.filter(*filters)
            resources = resources.filter(pk__in=matching.values("pk"))
        results = resources.order_by(*SORT_ORDERS[applied["sort"]])
        if applied["q"]:
            words = plain_words(applied["q"])
            if not words:
                return results.none()
            return results.search(words, order_by_relevance=False)
        return results

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
