"""Admin hooks for editors: the dashboard panels."""

from wagtail import hooks

from editorial.dashboard import PANELS


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.extend(panel() for panel in PANELS)
