"""The listing's filter form: a plain GET form whose unknown values are ignored.

It takes its choices as arguments and imports no model, so the page model can import it.
"""

from django import forms


class EventFilterForm(forms.Form):
    """Filter by event type (slug) and format; a value not on offer is dropped, never an error.

    Links with an out-of-date type or a hand-edited query string still show a listing.
    """

    type = forms.ChoiceField(label="Event type", required=False)
    format = forms.ChoiceField(label="Format", required=False)

    def __init__(self, data, *, event_types, formats):
        super().__init__(data, auto_id="event-filter-%s")
        self.fields["type"].choices = [
            ("", "Any type"),
            *((event_type.slug, event_type.name) for event_type in event_types),
        ]
        self.fields["format"].choices = [("", "Any format"), *formats]

    @property
    def active(self):
        """The filters in force, e.g. to offer a way to clear them."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def filter(self, events):
        chosen = self.active
        if "type" in chosen:
            events = events.of_type(chosen["type"])
        if "format" in chosen:
            events = events.in_format(chosen["format"])
        return events
