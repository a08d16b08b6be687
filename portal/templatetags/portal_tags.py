"""Template tags for the site's frame (navigation, breadcrumbs, the footer) and for keeping
rendered fragments until content changes."""

import hashlib

from django import template
from wagtail.models import Page, Site

from pagecache.cache import cached_until_change

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    root = _site_root(context)
    request = context.get("request")
    current = context.get("page") or context.get("self")
    return {
        "root": root,
        "items": cached_until_change(f"main-nav:{root.pk}", lambda: _menu_items(root, request))
        if root
        else [],
        "current_path": current.path if isinstance(current, Page) else "",
        "request": context.get("request"),
    }


def _menu_items(root, request):
    """What the menu shows of each page, kept with the site's other cached fragments."""
    return [
        {"title": item.title, "url": item.get_url(request), "path": item.path}
        for item in root.get_children().live().public().in_menu()
    ]


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    request = context.get("request")
    ancestors = []
    if page and page.pk:
        root = _site_root(context)
        ancestors = cached_until_change(
            f"breadcrumbs:{root.pk if root else ''}:{page.path}",
            lambda: _breadcrumb_items(page, request),
        )
    return {"ancestors": ancestors, "page": page, "request": request}


def _breadcrumb_items(page, request):
    """What the breadcrumbs show of each page above this one, kept like the menu."""
    return [
        {
            "title": "Home" if ancestor.depth == 2 else ancestor.title,
            "url": ancestor.get_url(request),
        }
        for ancestor in page.get_ancestors().filter(depth__gt=1).live()
    ]


@register.simple_tag
def elided_page_range(page_obj):
    """Page numbers around the current one, with the paginator's ellipsis for the rest."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            # A preview shows unsaved changes under the saved page's id.
            return self.nodelist.render(context)
        values = [request.get_host(), *(str(value.resolve(context)) for value in self.vary_on)]
        digest = hashlib.md5("\0".join(values).encode(), usedforsecurity=False).hexdigest()
        return cached_until_change(
            f"fragment:{self.name}:{digest}", lambda: self.nodelist.render(context)
        )


@register.tag
def cached_fragment(parser, token):
    """`{% cached_fragment "name" value... %}…{% endcached_fragment %}`: what is inside, rendered
    once for each combination of the values (and the site) and kept until content next changes.

    Only for what is the same for every reader: no form tokens, nothing about the user. A
    fragment that depends on the clock passes the value that changes with it (an event's status,
    say), so the key changes when it does.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a name: {{% {bits[0]} \"name\" %}}")
    name, *vary_on = bits[1:]
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    return CachedFragmentNode(
        nodelist, template.Variable(name).resolve({}), [parser.compile_filter(v) for v in vary_on]
    )
