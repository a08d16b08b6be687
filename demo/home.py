"""Demo content for the home page, the pages the footer links to, and the site's settings.

Like the rest of the demo, every step creates what is missing and leaves alone what exists.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.html import format_html
from django.utils.text import Truncator
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from demo.helpers import paragraph, publish_child
from demo.images import demo_image, image_block
from home.models import HomePage, HomePageAim, StandardPage
from portal.models import SiteSettings

EXAMPLE_NOTE = (
    "Example text written for the demonstration site: the group must replace it with its own "
    "before the site goes live."
)


def build_home(text):
    home = HomePage.objects.first()
    if home:
        return home, False

    root = Page.get_first_root_node()
    # Wagtail's first migration adds a placeholder "Welcome" page where our home belongs.
    for placeholder in root.get_children().filter(slug="home", content_type__model="page"):
        placeholder.delete()

    home = HomePage(
        title=text.name,
        slug="home",
        hero_title=text.name,
        introduction=text.chair_line,
        purpose_heading="Our Purpose",
        purpose=str(paragraph(text.purpose)),
        aims_heading="Aims of the group",
        membership_heading="Membership",
        membership_summary=str(paragraph(text.membership)),
        search_description=Truncator(text.purpose).chars(160),
    )
    home.aims = [HomePageAim(text=aim) for aim in text.aims]
    root.add_child(instance=home)
    home.save_revision().publish()

    # Full URLs (canonical links, sitemap, calendar feeds) use the site's host name.
    base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname = base_url.hostname
    site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
    site.root_page = home
    site.site_name = text.name
    site.save()
    return home, True


def build_standard_pages(home, text):
    membership, _ = publish_child(
        home,
        StandardPage(
            title="Membership",
            slug="membership",
            show_in_menus=True,
            introduction="Who can join the group.",
            body=[
                ("paragraph", paragraph(text.membership)),
                image_block(demo_image()),
                ("heading", {"text": text.how_to_join_heading, "level": "h2"}),
                (
                    "paragraph",
                    RichText(
                        format_html(
                            '<p>Contact <a href="mailto:{0}">{0}</a></p>', text.contact_email
                        )
                    ),
                ),
            ],
        ),
    )
    privacy, _ = publish_child(
        home,
        StandardPage(
            title="Privacy notice",
            slug="privacy",
            introduction="How the group handles personal information sent through this site.",
            body=[
                ("paragraph", paragraph(EXAMPLE_NOTE)),
                (
                    "paragraph",
                    paragraph(
                        "When you send a form on this site, the details you give are stored so "
                        "that the group can answer you, and are sent by email to the group. "
                        "You can ask for a copy of what is held about you, or ask for it to be "
                        "deleted, by contacting the group."
                    ),
                ),
            ],
        ),
    )
    accessibility, _ = publish_child(
        home,
        StandardPage(
            title="Accessibility statement",
            slug="accessibility",
            introduction="How accessible this website is, and how to report a problem.",
            body=[
                ("paragraph", paragraph(EXAMPLE_NOTE)),
                (
                    "paragraph",
                    paragraph(
                        "This website is built to meet the Web Content Accessibility Guidelines "
                        "(WCAG) 2.2 at level AA. Its pages work with a keyboard alone, with "
                        "screen readers, at 400% zoom and without JavaScript."
                    ),
                ),
            ],
        ),
    )
    return {"membership": membership, "privacy": privacy, "accessibility": accessibility}


def build_site_settings(home, text, pages):
    site = home.get_site()
    site_settings = SiteSettings.for_site(site)
    if site_settings.chair_name:
        return site_settings
    site_settings.group_name = text.name
    site_settings.chair_name = text.chair_name
    site_settings.contact_email = text.contact_email
    site_settings.privacy_page = pages["privacy"]
    site_settings.accessibility_page = pages["accessibility"]
    site_settings.save()
    return site_settings
