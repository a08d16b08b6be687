"""The admin's *Try sending again* for the emails about a record of a person."""

from django.urls import path
from wagtail import hooks

from people.admin_views import retry_failed_emails


@hooks.register("register_admin_urls")
def outbox_urls():
    return [
        path(
            "outbox/retry/<int:content_type_id>/<str:object_id>/",
            retry_failed_emails,
            name="people_retry_failed_emails",
        )
    ]
