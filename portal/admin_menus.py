"""Admin menu items shown only to those who can use what they open.

Wagtail shows a flat page listing's menu item (Events → Events, Resource library → Resources)
to everyone who signs in; Event organisers and Membership, who may not edit pages, followed it
to "Sorry, you do not have permission". A listing declares `PageListingForPageEditors` first.
"""

from functools import cached_property

from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.menu import MenuItem


class PageEditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return user_has_any_page_permission(request.user)


class PageListingForPageEditors:
    """Mix into a `PageListingViewSet`: its menu item is shown only to people who edit pages."""

    @cached_property
    def menu_item_class(self):
        return PageEditorsMenuItem
