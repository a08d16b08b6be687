"""The trials listing's search and filter form: reads the query string, keeping what it knows.

It takes its choices as arguments and imports no model, so the page model can import it.
"""

from django import forms
from django.db.models import Q
from django.utils.functional import cached_property

from portal.search import MAX_QUERY_LENGTH, QUERY_TOO_LONG_MESSAGE, plain_words


class TrialFilterForm(forms.Form):
    """Search words, implementation stage and topics for the trials listing.

    As in the library, an unknown stage or topic in a shared or hand-edited link is dropped
    (and listed in `ignored`) rather than failing the whole form.
    """

    q = forms.CharField(
        label="Search trials",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": QUERY_TOO_LONG_MESSAGE},
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    stage = forms.ChoiceField(label="Implementation stage", required=False)
    topic = forms.MultipleChoiceField(
        label="Topics",
        required=False,
        help_text="Trials on any of the topics you tick.",
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, data, *, stages, topics):
        super().__init__(auto_id="trial-filter-%s")
        self.stages = dict(stages)
        self.topics = {topic.slug: topic for topic in topics}
        self.fields["stage"].choices = [("", "Any stage"), *self.stages.items()]
        self.fields["topic"].choices = [(slug, topic.name) for slug, topic in self.topics.items()]
        self.ignored = []
        self.data = self._known_values_only(data)
        self.is_bound = True

    def _known_values_only(self, data):
        known = data.copy()
        for name in ("stage", "topic"):
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
        stage = self.cleaned_data["stage"]
        return {
            "q": self.cleaned_data.get("q", "").strip(),
            "stage": stage,
            "stage_label": self.stages.get(stage, ""),
            "topics": [self.topics[slug] for slug in self.cleaned_data["topic"]],
        }

    def query_in_force(self):
        """The parameters as applied, each as a link would give it: what the page cache keys on."""
        applied = self.applied
        return {
            "q": applied["q"],
            "stage": applied["stage"],
            "topic": [topic.slug for topic in applied["topics"]],
        }

    @property
    def is_filtered(self):
        applied = self.applied
        return bool(applied["q"] or applied["stage"] or applied["topics"])

    def search(self, trials):
        """Filter, search and sort `trials` (newest first) in a fixed number of queries.

        As the library's form does, filters run in the database as a subquery of page ids, so
        the search backend only matches words, and every filter works with every backend.
        """
        applied = self.applied
        filters = []
        if applied["stage"]:
            filters.append(Q(stage=applied["stage"]))
        if applied["topics"]:
            filters.append(Q(topics__in=applied["topics"]))
        if filters:
            matching = trials.model.objects.filter(*filters)
            trials = trials.filter(pk__in=matching.values("pk"))
        results = trials.newest_first()
        if applied["q"]:
            words = plain_words(applied["q"])
            if not words:
                return results.none()
            return results.search(words, order_by_relevance=False)
        return results
