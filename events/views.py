"""The calendar feed: one address for every event on the site, for calendar apps to subscribe."""

from django.db.models import Min
from django.http import Http404
from django.views.decorators.http import require_safe
from wagtail.models import Site

from events.calendar import calendar_for, calendar_response
from events.models import CALENDAR_FEED_HISTORY, EventPage
from pagecache.cache import cache_public
from portal.models import SiteSettings

FEED_CACHE_SECONDS = 15 * 60


def _feed_events(site):
    return EventPage.objects.descendant_of(site.root_page).live().public().in_calendar_feed()


def _feed_changes_at(request):
    """When the oldest event in the feed leaves it (a year after it ended)."""
    events = _feed_events(Site.find_for_request(request))
    oldest_end = events.order_by().aggregate(Min("ends_at"))["ends_at__min"]
    return oldest_end + CALENDAR_FEED_HISTORY if oldest_end else None


# Shared caches may keep the feed for a while; calendar apps fetch it every few hours at most.
@require_safe
@cache_public(until=_feed_changes_at, max_age=FEED_CACHE_SECONDS)
def calendar_feed(request):
    """Upcoming events and the last year's, including cancelled ones so calendars update."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site is configured for this host.")
    events = _feed_events(site).for_listing()
    group_name = SiteSettings.for_site(site).group_name
    calendar = calendar_for(
        events,
        request,
        name=f"{group_name} events",
        description=f"{group_name}: meetings and events. Times are UK time.",
    )
    return calendar_response(calendar)
