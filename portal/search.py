"""What every search box on the site shares: a length limit, plain-word queries, and the
filter form of listings with a search."""

import re

from django import forms

MAX_QUERY_LENGTH = 200
QUERY_TOO_LONG_MESSAGE = f"Please search for {MAX_QUERY_LENGTH} characters or fewer."
# Search backends give some characters a meaning (quotes, brackets, '*') and some of them fail
# on unbalanced ones; readers mean words.
WORD = re.compile(r"\w+")


def plain_words(query):
    """The words of a reader's query, safe to hand to any search backend ("" if none)."""
    return " ".join(WORD.findall(query))


def search_words_field(label):
    """The search box of a listing's filter form."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": QUERY_TOO_LONG_MESSAGE},
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class ListingSearchForm(forms.Form):
    """A listing's search words (`q`) and filters, read from the query string.

    Links get shared, bookmarked and mangled, so an unknown choice is dropped (and listed in
    `ignored`) rather than failing the whole form: the form is then bound to what was applied,
    and shows readers exactly that. Subclasses give their fields' choices, then call `bind`.
    """

    def bind(self, data, choice_fields):
        self.ignored = []
        known = data.copy()
        for name in choice_fields:
            field = self.fields[name]
            values = [value for value in data.getlist(name) if value]
            valid = [value for value in values if field.valid_value(value)]
            self.ignored += [(field.label, value) for value in values if value not in valid]
            several = isinstance(field, forms.MultipleChoiceField)
            known.setlist(name, valid if several else valid[-1:])
        self.data = known
        self.is_bound = True

    @staticmethod
    def narrowed(items, filters):
        """`items` that match every filter, in a fixed number of queries.

        Filters run in the database as a subquery of page ids, so the search backend only has
        to match words and sort, and every filter works the same with every backend. The
        subquery starts from every page of the type: `items` already keeps to the published
        ones in this listing, and checking that twice made PostgreSQL join the page table once
        more for each search.
        """
        if not filters:
            return items
        return items.filter(pk__in=items.model.objects.filter(*filters).values("pk"))

    def searched(self, results):
        """`results`, in their order, matching the search words if there are any."""
        query = self.applied["q"]
        if not query:
            return results
        words = plain_words(query)
        if not words:
            return results.none()
        return results.search(words, order_by_relevance=False)
