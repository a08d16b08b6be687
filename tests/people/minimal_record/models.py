"""The smallest record of a person: what a new kind (the members issue's) starts from."""

from django.db import models
from django.utils import timezone

from people.models import PersonRecord
from people.retention import Retention


class VisitorBookEntry(PersonRecord):
    personal_data_label = "visitor_book"
    retention = Retention(
        "Visitors' book entries",
        kept_for="7 days after signing",
        days=7,
        expired=lambda cutoff: VisitorBookEntry.objects.filter(signed_at__lt=cutoff),
    )

    name = models.CharField(max_length=200)
    signed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "minimal_record"
        verbose_name = "visitors' book entry"
        verbose_name_plural = "visitors' book entries"

    def __str__(self):
        return self.name

    def export_data(self):
        return {"name": self.name, "email": self.email, "emails": self.exported_emails()}
