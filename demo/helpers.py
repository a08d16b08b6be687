"""Helpers every part of the demo builds with: a rich-text paragraph, and adding a page once."""

from django.utils.html import format_html
from wagtail.rich_text import RichText


def paragraph(text):
    return RichText(format_html("<p>{}</p>", text))


def publish_child(parent, page):
    """Add `page` under `parent` unless a page with its slug is already there."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing:
        return existing.specific, False
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True
