"""Admin screens for the library's editor-managed lists: resource types and topics."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from library.models import ResourceType, Topic


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


class LibraryListsGroup(SnippetViewSetGroup):
    """Both lists under one 'Resource library' menu item, next to Pages."""

    items = (ResourceTypeViewSet, TopicViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "Resource library"
    menu_name = "resource-library"


register_snippet(LibraryListsGroup)
