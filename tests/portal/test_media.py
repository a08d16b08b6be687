"""Uploaded images are served by the app itself, with headers fit for long caching.

The Docker image has no other web server, so `/media/` must answer from it (`portal/media.py`).
These tests run in the test settings; `test_media_in_production.py` serves the same through
gunicorn with production settings, and `test_media_in_s3.py` keeps media in a bucket.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail_factories import DocumentFactory, ImageFactory

from demo.images import ALT_TEXT


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_a_rendition_is_served_for_a_year_and_never_sniffed(client, db, media_root):
    image = ImageFactory(file__width=800, file__height=400)
    rendition = image.get_rendition("width-400|format-webp")

    response = client.get(rendition.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert b"".join(response.streaming_content) == rendition.file.open("rb").read()
    assert response["X-Content-Type-Options"] == "nosniff"
    cache_control = response["Cache-Control"].split(", ")
    assert {"public", "max-age=31536000", "immutable"} <= set(cache_control)
    assert client.get(rendition.url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert client.head(rendition.url)["ETag"] == response["ETag"]


def test_an_original_is_kept_for_an_hour_then_checked_again(client, db, media_root):
    image = ImageFactory(file__width=800, file__height=400)

    response = client.get(image.file.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=3600"}
    again = client.get(image.file.url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert again.status_code == 304


def test_an_image_deleted_and_uploaded_again_gets_renditions_of_new_names(db, media_root):
    # A browser keeps a rendition for a year: a new picture must never reuse its address.
    first = ImageFactory(file__filename="photo.jpg", file__color="red")
    first_url = first.get_rendition("width-100").url
    first.delete()
    second = ImageFactory(file__filename="photo.jpg", file__color="blue")

    assert second.get_rendition("width-100").url != first_url


@pytest.mark.parametrize(
    "path",
    [
        "documents/report.pdf",  # documents go through Wagtail's view, which checks privacy
        "original_images/../documents/report.pdf",
        "original_images/%2e%2e/documents/report.pdf",
        "images/missing.webp",
        "images/%00.png",
        "../config/settings/base.py",
        "original_images/notes.txt",
        "original_images/folder.png",
    ],
)
def test_only_images_are_served_from_media(client, db, media_root, path):
    DocumentFactory(file__filename="report.pdf", file__data=b"%PDF-1.4\n")
    (media_root / "original_images").mkdir(parents=True, exist_ok=True)
    (media_root / "original_images" / "notes.txt").write_text("not an image")
    (media_root / "original_images" / "folder.png").mkdir(exist_ok=True)

    assert client.get(f"/media/{path}").status_code == 404


def test_the_demo_membership_page_shows_its_image(client, media_root, demo_home):
    page = BeautifulSoup(client.get("/membership/").content, "html.parser")
    image = page.select_one("main picture img")

    assert image["alt"] == ALT_TEXT
    sources = [image["src"]] + [
        candidate.split()[0]
        for source in page.select("main picture source")
        for candidate in source["srcset"].split(", ")
    ]
    for url in sources:
        assert client.get(url).status_code == 200, url
