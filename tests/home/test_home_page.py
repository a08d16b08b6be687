from bs4 import BeautifulSoup

from demo.group_text import read_group_text


def test_home_page_shows_purpose_and_all_six_aims_in_order(client, demo_home):
    text = read_group_text()
    response = client.get("/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Implementation Group"
    assert text.purpose in soup.get_text(" ", strip=True)
    aims = [li.get_text(strip=True) for li in soup.select("ol.aims li")]
    assert aims == text.aims
    assert len(aims) == 6


def test_aims_follow_the_order_the_editor_sets(client, home_page):
    first, second = home_page.aims.all()
    first.sort_order, second.sort_order = 1, 0
    first.save()
    second.save()

    soup = BeautifulSoup(client.get("/").content, "html.parser")

    assert [li.get_text(strip=True) for li in soup.select("ol.aims li")] == [
        "Second aim",
        "First aim",
    ]


def test_home_page_has_landmarks_skip_link_and_meta(client, demo_home):
    soup = BeautifulSoup(client.get("/").content, "html.parser")

    skip = soup.select_one("a.skip-link")
    assert skip["href"] == "#main-content"
    assert soup.find("main", id="main-content")
    assert soup.find("header") and soup.find("footer")
    assert soup.find("nav", attrs={"aria-label": "Main"})
    assert soup.find("html")["lang"] == "en-GB"
    assert soup.find("meta", attrs={"name": "description"})["content"].startswith(
        "The UK paediatric critical care community"
    )
    assert soup.find("link", rel="canonical")["href"].endswith("/")
    assert soup.find("meta", property="og:title")["content"] == "Implementation Group"


def test_join_button_hidden_when_no_join_page_chosen(client, home_page):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert not soup.select("a.button")
