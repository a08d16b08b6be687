"""Admin screens for events: the editor-managed list of event types."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.models import EventType


class EventTypeViewSet(SnippetViewSet):
    model = EventType
    icon = "tag"
    menu_label = "Event types"
    list_display = ["name", "slug", "is_group_meeting"]
    search_fields = ["name"]
    ordering = ["name"]


register_snippet(EventTypeViewSet)
