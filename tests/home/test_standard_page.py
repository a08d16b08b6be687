from bs4 import BeautifulSoup
from wagtail.rich_text import RichText

from tests.home.factories import StandardPageFactory


def test_standard_page_renders_each_body_block(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="About the group",
        slug="about",
        introduction="What we do.",
        body=[
            ("heading", {"text": "Background", "level": "h2"}),
            ("paragraph", RichText("<p>Some <b>bold</b> text.</p>")),
            ("quote", {"quote": "A quoted line", "attribution": "A person"}),
            ("call_to_action", {"text": "Read more", "page": home_page, "url": ""}),
        ],
    )
    page.save_revision().publish()

    response = client.get("/about/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == "About the group"
    assert soup.find("h2", string="Background")
    assert soup.find("b", string="bold")
    assert soup.find("blockquote").get_text(strip=True) == "A quoted line"
    assert soup.find("a", class_="button", string="Read more")["href"] == "/"


def test_inner_page_has_breadcrumbs_back_to_home(client, home_page):
    StandardPageFactory(parent=home_page, title="Membership", slug="membership")

    soup = BeautifulSoup(client.get("/membership/").content, "html.parser")

    crumbs = soup.find("nav", attrs={"aria-label": "Breadcrumb"})
    assert [a.get_text() for a in crumbs.find_all("a")] == ["Home", "Membership"]
    assert crumbs.find_all("a")[-1]["aria-current"] == "page"


def test_membership_page_carries_the_groups_words_and_contact(client, demo_home):
    response = client.get("/membership/")

    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "Membership of this group is open to all paediatric critical care" in text
    assert "How to join?" in text
    assert b'href="mailto:e.alexander@imperial.ac.uk"' in response.content
