"""The calendar feed: one address for every event on the site, for calendar apps to subscribe."""

from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site

from events.calendar import calendar_for, calendar_response
from events.models import EventPage
from portal.models import SiteSettings

FEED_CACHE_SECONDS = 15 * 60


@require_safe
def calendar_feed(request):
    """Upcoming events and the last year's, including cancelled ones so calendars update."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site is configured for this host.")
    events = (
        EventPage.objects.descendant_of(site.root_page)
        .live()
        .public()
        .in_calendar_feed()
        .for_listing()
    )
    group_name = SiteSettings.for_site(site).group_name
    calendar = calendar_for(
        events,
        request,
        name=f"{group_name} events",
        description=f"{group_name}: meetings and events. Times are UK time.",
    )
    response = calendar_response(calendar)
    # Only public events are in the feed, so shared caches may keep it for a while; calendar
    # apps themselves fetch it every few hours at most.
    patch_cache_control(response, public=True, max_age=FEED_CACHE_SECONDS)
    return response
