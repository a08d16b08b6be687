"""The event page's admin form: dates read the UK way, and a start in the past needs a tick."""

from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm

from events.dates import uk

DATE_TIME_FIELDS = ("start", "end", "registration_deadline")
INVALID_DATE_TIME = (
    "Enter the date and time as day/month/year and 24-hour time, e.g. 10/05/2027 14:00."
)


class EventPageForm(WagtailAdminPageForm):
    """Catches the mistakes that would otherwise publish an event on the wrong day.

    A start in the past is almost always a mistyped date, and such an event would go straight
    to the past-events archive unseen, so it is refused unless the editor says the page is a
    record of a past event. Only a start the editor has just entered or changed is checked, so
    an event under way, or an older page, can still be corrected.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in DATE_TIME_FIELDS:
            if name in self.fields:
                self.fields[name].error_messages["invalid"] = INVALID_DATE_TIME

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
        return cleaned_data

    @staticmethod
    def _has_started(start, all_day):
        now = timezone.now()
        # An all-day event entered on its own day has not been missed.
        return uk(start).date() < uk(now).date() if all_day else start < now
