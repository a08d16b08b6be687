"""What pages read from the cache (site, menu, settings, breadcrumbs, restrictions, lists) is
never stale: an editor's change shows on the very next request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from events.models import EventType
from pagecache.cache import generation_read_once
from portal.models import SiteSettings
from tests.events.factories import EventIndexPageFactory
from tests.home.factories import StandardPageFactory


def publish(page):
    page.save_revision().publish()


def test_a_changed_group_name_shows_on_the_next_request(client, home_page):
    settings = SiteSettings.for_site(Site.objects.get())
    client.get("/")
    settings.group_name = "Renamed group"
    settings.save()

    assert "Renamed group" in client.get("/").content.decode()


def test_a_renamed_menu_page_shows_in_the_menu_and_breadcrumbs_on_the_next_request(
    client, home_page
):
    about = StandardPageFactory(parent=home_page, title="About", slug="about", show_in_menus=True)
    terms = StandardPageFactory(parent=about, title="Terms of reference", slug="terms")
    client.get(terms.url)
    about.title = "About the group"
    publish(about)

    page = client.get(terms.url).content.decode()

    assert page.count("About the group") == 2  # the menu and the breadcrumbs


def test_a_page_added_to_the_menu_shows_on_the_next_request(client, home_page):
    client.get("/")
    StandardPageFactory(parent=home_page, title="Newsletter", show_in_menus=True)

    assert "Newsletter" in client.get("/").content.decode()


def test_a_page_made_private_is_not_served_on_the_next_request(client, home_page):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    assert client.get(about.url).status_code == 200

    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)

    # Restricted pages show only their title and a sign-in link (members/wagtail_hooks.py).
    assert client.get(about.url).status_code == 403
    assert "About" not in client.get("/search/", {"query": "about"}).content.decode()


def test_a_new_event_type_is_offered_as_a_filter_on_the_next_request(client, home_page):
    events = EventIndexPageFactory(parent=home_page)
    client.get(events.url)
    EventType.objects.create(name="Journal club")

    assert "Journal club" in client.get(events.url).content.decode()


def test_a_changed_site_host_name_is_used_on_the_next_request(client, home_page):
    client.get("/")
    site = Site.objects.get()
    site.hostname = "portal.example.org"
    site.is_default_site = False
    site.save()

    assert client.get("/").status_code == 404


def test_a_page_renamed_moved_unpublished_or_deleted_is_routed_afresh_on_the_next_request(
    client, home_page
):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    terms = StandardPageFactory(parent=about, title="Terms", slug="terms")
    other = StandardPageFactory(parent=home_page, title="Other", slug="other")
    for url in ("/about/", "/about/terms/"):
        client.get(url)

    # Old addresses are not found, or redirected to the new one (Wagtail's redirects app).
    about.slug = "about-us"
    publish(about)
    assert client.get("/about/").status_code in (301, 404)
    assert client.get("/about-us/terms/").status_code == 200

    terms.refresh_from_db()
    terms.move(other, pos="last-child")
    assert client.get("/about-us/terms/").status_code in (301, 404)
    assert client.get("/other/terms/").status_code == 200

    terms.refresh_from_db()
    terms.unpublish()
    assert client.get("/other/terms/").status_code == 404

    other.delete()
    assert client.get("/other/").status_code == 404


def test_routing_reads_one_page_a_step_once_the_way_is_known(rf, home_page):
    about = StandardPageFactory(parent=home_page, slug="about")
    StandardPageFactory(parent=about, slug="terms")
    request = rf.get("/about/terms/")
    with generation_read_once():  # as within a request
        home_page.route(request, ["about", "terms"])

        with CaptureQueriesContext(connection) as queries:
            found = home_page.route(request, ["about", "terms"])

    assert found.page.slug == "terms"
    assert len(queries) == 2
