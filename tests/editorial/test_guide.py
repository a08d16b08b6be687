"""The group's editor's guide is one click away in the admin, for signed-in users only."""

from bs4 import BeautifulSoup

GUIDE_URL = "/admin/guide/"


def test_guide_is_rendered_from_the_markdown_with_its_screenshots(client_for, editor):
    response = client_for(editor).get(GUIDE_URL)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("h1, h2").get_text(strip=True)
    images = soup.select(".editor-guide img")
    assert images
    screenshot = client_for(editor).get(images[0]["src"])
    assert screenshot.status_code == 200
    assert b"".join(screenshot.streaming_content).startswith(b"\x89PNG")


def test_guide_and_screenshots_need_a_signed_in_user(client, db):
    for url in [GUIDE_URL, "/admin/guide/screenshots/01-log-in.png"]:
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_unknown_screenshot_names_are_not_found(client_for, editor):
    for name in ["nope.png", "01-log-in.txt"]:
        assert client_for(editor).get(f"/admin/guide/screenshots/{name}").status_code == 404
    # A path outside the folder never reaches the view.
    assert client_for(editor).get("/admin/guide/screenshots/..%2Fguide.md").status_code != 200


def test_help_menu_and_dashboard_link_to_the_guide(client_for, editor, site_sections):
    html = client_for(editor).get("/admin/").content.decode()

    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(f"main a[href='{GUIDE_URL}']")
    assert GUIDE_URL in html.replace("\\/", "/").split("<main", 1)[0]
