from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import HomePage
from portal.models import SiteSettings


def test_demo_content_loads_twice_without_duplicates(db):
    call_command("load_demo_content")
    pages_after_first_load = Page.objects.count()
    call_command("load_demo_content")

    assert Page.objects.count() == pages_after_first_load
    assert HomePage.objects.count() == 1
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage


def test_demo_content_never_overwrites_an_editors_change(db):
    call_command("load_demo_content")
    home = HomePage.objects.get()
    home.hero_title = "Changed by an editor"
    home.save_revision().publish()

    call_command("load_demo_content")

    assert HomePage.objects.get().hero_title == "Changed by an editor"


def test_demo_site_settings_name_the_chair_and_contact(demo_home):
    site_settings = SiteSettings.for_site(demo_home.get_site())

    assert site_settings.chair_name == "Dr Emma Alexander"
    assert site_settings.contact_email == "e.alexander@imperial.ac.uk"
    assert site_settings.privacy_page.slug == "privacy"
