"""Builds the demo site from the group's own text: the order in which its parts are made.

Every step creates what is missing and leaves alone what exists, so running it again never
duplicates pages or overwrites an editor's changes.
"""

from demo.events import build_events
from demo.group_text import read_group_text
from demo.home import build_home, build_site_settings, build_standard_pages
from demo.library import build_library
from demo.members import build_members_area
from demo.membership import build_join_page, route_join_requests_to_the_chair
from demo.trials import build_trials


def build_site():
    text = read_group_text()
    home, _ = build_home(text)
    pages = build_standard_pages(home, text)
    build_site_settings(home, text, pages)
    build_events(home, text)
    build_library(home)
    build_trials(home)
    build_members_area(home)
    join_page, _ = build_join_page(home, text)
    route_join_requests_to_the_chair(home, text)
    if home.join_page_id is None:
        home.join_page = join_page
        home.join_button_text = "Join the group"
        home.save_revision().publish()
    return home
