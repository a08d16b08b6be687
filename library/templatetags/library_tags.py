"""Template tags other apps use to show library content, e.g. an event's resources."""

from django import template

from library.models import ResourcePage

register = template.Library()


@register.inclusion_tag("library/includes/related_resources.html", takes_context=True)
def related_resources(context, event):
    """The published resources linked to `event`, in one query however many there are."""
    resources = ResourcePage.objects.none()
    if event.pk:  # A new event being previewed has no resources yet.
        resources = (
            ResourcePage.objects.live()
            .public()
            .filter(related_events=event)
            .select_related("resource_type")
            .order_by("title")
        )
    return {"resources": resources, "request": context.get("request")}
