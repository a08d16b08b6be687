"""An Atom feed of the library's newly published resources, for feed readers and newsletters."""

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.utils.feedgenerator import Atom1Feed

from portal.models import SiteSettings

FEED_LENGTH = 20


class NewResourcesFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, library):
        super().__init__()
        self.library = library

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.library

    def title(self, library):
        group_name = SiteSettings.for_request(self.request).group_name
        return f"{library.title} | {group_name}"

    def subtitle(self, library):
        return library.introduction

    def link(self, library):
        return library.get_full_url(self.request)

    def feed_url(self, library):
        return self.request.build_absolute_uri()

    def items(self, library):
        return (
            library.resources()
            .select_related("resource_type")
            .prefetch_related("topics")
            .order_by(F("first_published_at").desc(nulls_last=True), "-pk")[:FEED_LENGTH]
        )

    def item_title(self, resource):
        return resource.title

    def item_description(self, resource):
        return resource.summary

    def item_link(self, resource):
        return resource.get_full_url(self.request)

    def item_guid(self, resource):
        """A tag URI that survives the resource being renamed or moved.

        Pages made by an import or `add_child` have no publication date: their id is the page's
        own permanent UUID instead.
        """
        if resource.first_published_at is None:
            return f"urn:uuid:{resource.translation_key}"
        published = resource.first_published_at.date().isoformat()
        return f"tag:{self.request.get_host()},{published}:resource-{resource.pk}"

    def item_pubdate(self, resource):
        return resource.first_published_at or resource.last_published_at

    def item_updateddate(self, resource):
        return resource.last_published_at

    def item_author_name(self, resource):
        return resource.authors or None

    def item_categories(self, resource):
        return [resource.resource_type.name, *(topic.name for topic in resource.topics.all())]
