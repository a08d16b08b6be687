"""URLs outside the page tree: the calendar feed, at an address that never changes."""

from django.urls import path

from events import views

urlpatterns = [
    path("events/feed.ics", views.calendar_feed, name="events_feed"),
]
