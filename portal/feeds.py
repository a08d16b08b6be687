"""What every Atom feed of a listing's pages shares: the feed's title, links and entry ids.

A listing's feed subclasses `PageFeed` and says which pages it carries and what each entry
shows (`items`, `item_description`, `item_categories`), as the library's and the trials' do.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from portal.models import SiteSettings

FEED_LENGTH = 20


class PageFeed(Feed):
    """An Atom feed of pages below `index`, served from the index page's own route."""

    feed_type = Atom1Feed
    # Names the kind of page in each entry's id, e.g. "resource": ids must never change.
    entry_kind = "page"

    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        group_name = SiteSettings.for_request(self.request).group_name
        return f"{index.title} | {group_name}"

    def subtitle(self, index):
        return index.get_summary()

    def link(self, index):
        return index.get_full_url(self.request)

    def feed_url(self, index):
        return self.request.build_absolute_uri()

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.get_summary()

    def item_link(self, page):
        return page.get_full_url(self.request)

    def item_guid(self, page):
        """A tag URI that survives the page being renamed or moved.

        Pages made by an import or `add_child` have no publication date: their id is the page's
        own permanent UUID instead.
        """
        if page.first_published_at is None:
            return f"urn:uuid:{page.translation_key}"
        published = page.first_published_at.date().isoformat()
        return f"tag:{self.request.get_host()},{published}:{self.entry_kind}-{page.pk}"

    def item_pubdate(self, page):
        return page.first_published_at or page.last_published_at

    def item_updateddate(self, page):
        return page.last_published_at
