"""An Atom feed of the library's newly published resources, for feed readers and newsletters."""

from django.db.models import F

from portal.feeds import FEED_LENGTH, PageFeed


class NewResourcesFeed(PageFeed):
    entry_kind = "resource"

    def subtitle(self, library):
        return library.introduction

    def items(self, library):
        return (
            library.resources()
            .select_related("resource_type")
            .prefetch_related("topics")
            .order_by(F("first_published_at").desc(nulls_last=True), "-pk")[:FEED_LENGTH]
        )

    def item_description(self, resource):
        return resource.summary

    def item_author_name(self, resource):
        return resource.authors or None

    def item_categories(self, resource):
        return [resource.resource_type.name, *(topic.name for topic in resource.topics.all())]
