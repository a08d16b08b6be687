"""Send the admin's page forms the way a browser would, starting from what the form shows."""

from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html

from events.models import EventType


def page_form_data(client, url, page_model, **changes):
    """The page form at `url` as the admin fills it in, with `changes` typed over it.

    StreamFields are drawn by JavaScript, so a form read without it has no blocks: they are
    sent empty, as a browser sends a StreamField with no blocks in it.
    """
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for field in page_model._meta.get_fields():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    for name, value in changes.items():
        data[name] = value
    return data


def event_changes(title="Example event", **changes):
    """What an editor types to add an online group meeting in 2030."""
    return {
        "title": title,
        "slug": title.lower().replace(" ", "-"),
        "summary": f"About {title}.",
        "event_type": str(EventType.objects.get(slug="meeting").pk),
        "start": "2030-05-07 14:00",
        "end": "2030-05-07 16:00",
        "format": "online",
        "joining_details": "The joining link is emailed to members the week before.",
        **changes,
    }
