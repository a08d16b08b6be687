"""Dates and times in the admin: typed with their time, and read back in words as they are typed.

Every date-and-time field on an admin form (an event's start, a page's go-live time) gets both:
a date typed without a time is refused rather than read as midnight, and the widget carries
`data-read-back`, which `static/js/admin-date-read-back.js` uses to say the value in words
beside the field ("Wednesday 10 March 2027, 14:00 UK time"), with a gentle note on a weekend.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateTimeInput

# Every time format Django reads in the UK locale has hours and minutes joined by a colon.
HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
NO_TIME = (
    "Add the time as well, as a 24-hour time, e.g. 10/03/2027 14:00: a date alone is not read "
    "as midnight."
)


class ReadBackDateTimeInput(AdminDateTimeInput):
    """Wagtail's date-time picker, marked for the read-back in words.

    `all_day_field`: the id of a checkbox that makes a date without a time acceptable (an
    event's "All day"); the read-back then says "(all day)".
    """

    def __init__(self, attrs=None, all_day_field=None, **kwargs):
        attrs = {"data-read-back": "", **(attrs or {})}
        if all_day_field:
            attrs["data-read-back-all-day"] = all_day_field
        super().__init__(attrs=attrs, **kwargs)


class DateTimeWithTimeField(forms.DateTimeField):
    """A date and time that must be typed with its time.

    Django reads a date alone as midnight, which published "12/03/2027" as an event starting at
    00:00. Set `allow_date_only` for a value whose time does not matter (an all-day event).
    """

    widget = ReadBackDateTimeInput
    default_error_messages = {"no_time": NO_TIME}
    allow_date_only = False

    def to_python(self, value):
        moment = super().to_python(value)
        if (
            moment is not None
            and isinstance(value, str)
            and not self.allow_date_only
            and not HAS_TIME.search(value)
        ):
            raise ValidationError(self.error_messages["no_time"], code="no_time")
        return moment


register_form_field_override(
    models.DateTimeField,
    override={"form_class": DateTimeWithTimeField, "widget": ReadBackDateTimeInput},
)
