"""The trials listing's search and filter form: reads the query string, keeping what it knows.

It takes its choices as arguments and imports no model, so the page model can import it.
"""

from django import forms
from django.db.models import Q
from django.utils.functional import cached_property

from portal.search import ListingSearchForm, search_words_field


class TrialFilterForm(ListingSearchForm):
    """Search words, implementation stage and topics for the trials listing."""

    q = search_words_field("Search trials")
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
        self.bind(data, ("stage", "topic"))

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
        """Filter, search and sort `trials` (newest first) in a fixed number of queries."""
        applied = self.applied
        filters = []
        if applied["stage"]:
            filters.append(Q(stage=applied["stage"]))
        if applied["topics"]:
            filters.append(Q(topics__in=applied["topics"]))
        return self.searched(self.narrowed(trials, filters).newest_first())
