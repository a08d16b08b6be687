"""The event page's admin form: dates read the UK way with their times; a start in the past, and
more CPD hours than the event lasts, each need a tick; and how people attend is chosen, never
assumed."""

from django import forms
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm

from events.dates import event_ends_at, uk

DATE_TIME_FIELDS = ("start", "end", "registration_deadline")
INVALID_DATE_TIME = (
    "Enter the date and time as day/month/year and 24-hour time, e.g. 10/05/2027 14:00."
)
# Only an event's first and last day may be typed without times, and only for an all-day event.
ALL_DAY_FIELDS = ("start", "end")
NO_TIME_UNLESS_ALL_DAY = (
    "Add the time as well, as a 24-hour time, e.g. 10/05/2027 14:00: a date alone is not "
    "read as midnight. For an event that lasts whole days, tick 'All day' instead."
)
CHOOSE_FORMAT = "Choose how people attend: in person, online, or both (hybrid)."


class EventPageForm(WagtailAdminPageForm):
    """Catches the mistakes that would otherwise publish an event on the wrong day.

    A start in the past is almost always a mistyped date, and such an event would go straight
    to the past-events archive unseen, so it is refused unless the editor says the page is a
    record of a past event. Only a start the editor has just entered or changed is checked, so
    an event under way, or an older page, can still be corrected.
    """

    confirm_cpd_hours = forms.BooleanField(
        label="These CPD hours are right, though longer than the event",
        required=False,
        help_text="Tick only if attendees may claim more CPD hours than the event lasts, for "
        "example for set reading before it.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        all_day = self.is_bound and self.add_prefix("all_day") in self.data
        for name in DATE_TIME_FIELDS:
            if name in self.fields:
                field = self.fields[name]
                field.error_messages["invalid"] = INVALID_DATE_TIME
                if name in ALL_DAY_FIELDS:
                    field.error_messages["no_time"] = NO_TIME_UNLESS_ALL_DAY
                    field.allow_date_only = all_day
        if "format" in self.fields:
            self._no_silent_format()

    def _no_silent_format(self):
        """A new event starts with no format chosen: "In person" preselected went unnoticed on
        online meetings. Events already saved keep theirs."""
        field = self.fields["format"]
        field.error_messages["required"] = CHOOSE_FORMAT
        if not field.choices or field.choices[0][0] != "":
            field.choices = [("", "Choose how people attend"), *field.choices]
        if self.instance.pk is None:
            self.initial["format"] = ""

    def clean(self):
        cleaned_data = super().clean()
        start = cleaned_data.get("start")
        if (
            start
            and "start" in self.changed_data
            and self._has_started(start, cleaned_data.get("all_day"))
            and "past_event_record" in self.fields
            and not cleaned_data.get("past_event_record")
        ):
            self.add_error(
                "start",
                "This start is in the past: check the date (day/month/year). If the page is a "
                "record of an event that has already happened, tick 'Record of a past event'.",
            )
        self._check_cpd_hours(cleaned_data)
        return cleaned_data

    def _check_cpd_hours(self, cleaned_data):
        """More CPD hours than the event lasts is usually a slip (1.5 for a 15-minute talk).

        Checked when the hours or the times have just been entered or changed, so a page saved
        with the tick is not questioned again at every edit.
        """
        hours, start, end = (cleaned_data.get(name) for name in ("cpd_hours", "start", "end"))
        if not (hours and start and end) or cleaned_data.get("confirm_cpd_hours"):
            return
        if not {"cpd_hours", "start", "end", "all_day"} & set(self.changed_data):
            return
        lasts = event_ends_at(start, end, cleaned_data.get("all_day")) - start
        if hours * 3600 > lasts.total_seconds():
            self.add_error(
                "cpd_hours",
                f"{hours.normalize():f} CPD hours is longer than the event "
                f"({_duration(lasts)}): check the hours, or tick 'These CPD hours are right, "
                "though longer than the event'.",
            )

    @staticmethod
    def _has_started(start, all_day):
        now = timezone.now()
        # An all-day event entered on its own day has not been missed.
        return uk(start).date() < uk(now).date() if all_day else start < now


def _duration(delta):
    minutes = round(delta.total_seconds() / 60)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if minutes or not parts:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " ".join(parts)
