"""Admin screens for the library: a listing of resources beside their types and topics."""

import django_filters
from django.utils import dateformat
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import PageStatusColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from library.models import ResourcePage, ResourceType, Topic
from portal.admin_menus import PageListingForPageEditors


def topic_names(resource):
    return ", ".join(topic.name for topic in resource.topics.all())


def publication_date(resource):
    return dateformat.format(resource.publication_date, "j M Y")


class ResourceFilterSet(WagtailFilterSet):
    resource_type = django_filters.ModelChoiceFilter(
        label="Resource type", queryset=ResourceType.objects.order_by("name")
    )
    topics = django_filters.ModelChoiceFilter(
        label="Topic", queryset=Topic.objects.order_by("name")
    )

    class Meta:
        model = ResourcePage
        fields = []


class ResourceIndexView(IndexView):
    default_ordering = "-publication_date"

    def get_base_queryset(self):
        return (
            super().get_base_queryset().select_related("resource_type").prefetch_related("topics")
        )


class ResourcePageListingViewSet(PageListingForPageEditors, PageListingViewSet):
    model = ResourcePage
    icon = "doc-full"
    menu_label = "Resources"
    name = "resource_pages"
    index_view_class = ResourceIndexView
    filterset_class = ResourceFilterSet
    columns = [
        PageTitleColumn("title", label="Title", sort_key="title", classname="title"),
        Column("resource_type", label="Type", accessor="resource_type.name"),
        Column("topics", label="Topics", accessor=topic_names),
        Column(
            "publication_date",
            label="Date",
            accessor=publication_date,
            sort_key="publication_date",
        ),
        PageStatusColumn("status", label="Status", sort_key="live"),
    ]


class ResourceTypeViewSet(SnippetViewSet):
    model = ResourceType
    icon = "list-ul"
    menu_label = "Resource types"
    list_display = ["name", "slug", "has_closing_date"]
    search_fields = ["name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class LibraryListsGroup(ViewSetGroup):
    """Resources and both their lists under one 'Resource library' menu item, next to Pages."""

    items = (ResourcePageListingViewSet, ResourceTypeViewSet, TopicViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "Resource library"
    menu_name = "resource-library"


register_snippet(LibraryListsGroup)
