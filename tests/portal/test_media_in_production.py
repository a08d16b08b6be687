"""Images show in production from the Docker image alone: gunicorn serves them itself.

The site runs as the image runs it (production settings, gunicorn, no other web server) on a
loopback port, with its own SQLite database and media folder.
"""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.mail_server import free_port
from tests.portal.test_production_settings import PRODUCTION_ENV, PROJECT, manage

MAKE_AN_IMAGE = """
import io, json
from django.core.files.images import ImageFile
from django.core.management import call_command
from PIL import Image as PillowImage
from wagtail.images import get_image_model

call_command("migrate", verbosity=0)
picture = io.BytesIO()
PillowImage.new("RGB", (640, 320), "#005eb8").save(picture, format="PNG")
image = get_image_model()(title="Ward round")
image.file = ImageFile(picture, name="ward-round.png")
image.save()
rendition = image.get_rendition("width-400|format-webp")
print(json.dumps({"original": image.file.url, "rendition": rendition.url}))
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The production site under gunicorn, and the addresses of one image and its rendition."""
    folder = tmp_path_factory.mktemp("production")
    port = free_port()
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "REDIS_URL": "",
    }
    made = manage("shell", "-c", MAKE_AN_IMAGE, **env)
    assert made.returncode == 0, made.stderr
    urls = json.loads(made.stdout.strip().splitlines()[-1])
    server = subprocess.Popen(  # noqa: S603 - the project's own server, as the image runs it
        [sys.executable, "-m", "gunicorn", "config.wsgi", f"--bind=127.0.0.1:{port}"],
        cwd=PROJECT,
        env={**_without_django_settings(), **env},
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/healthz")
        yield {name: base + url for name, url in urls.items()}
    finally:
        server.terminate()
        server.wait(timeout=10)


def _without_django_settings():
    return {key: value for key, value in os.environ.items() if not key.startswith("DJANGO")}


def _wait_for(url):
    for _ in range(150):
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - loopback
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"gunicorn did not answer at {url}")


def fetch(url, method="GET", **headers):
    request = urllib.request.Request(url, method=method, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_a_rendition_is_served_by_gunicorn_for_a_year(site):
    status, headers, body = fetch(site["rendition"])

    assert status == 200
    assert headers["Content-Type"] == "image/webp"
    assert body.startswith(b"RIFF") and body[8:12] == b"WEBP"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert {"public", "max-age=31536000", "immutable"} <= set(headers["Cache-Control"].split(", "))
    assert fetch(site["rendition"], "HEAD")[1]["ETag"] == headers["ETag"]
    assert fetch(site["rendition"], **{"If-None-Match": headers["ETag"]})[0] == 304


def test_an_original_image_is_served_by_gunicorn_and_checked_again_after_an_hour(site):
    status, headers, body = fetch(site["original"])

    assert status == 200
    assert headers["Content-Type"] == "image/png"
    assert body.startswith(b"\x89PNG")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert set(headers["Cache-Control"].split(", ")) == {"public", "max-age=3600"}
    assert fetch(site["original"], **{"If-Modified-Since": headers["Last-Modified"]})[0] == 304
