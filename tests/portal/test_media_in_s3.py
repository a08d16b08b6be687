"""Media in S3-compatible object storage, against a real S3 server on loopback (moto in server
mode, started here): uploads and renditions land in the bucket with their caching headers,
pages show images from there, and documents still come through the app."""

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request

import boto3
import pytest
from bs4 import BeautifulSoup
from django.core.files.storage import default_storage
from wagtail_factories import DocumentFactory, ImageFactory

from config.settings.base import s3_media_storage
from home.models import StandardPage
from portal.blocks import BodyBlock
from tests.mail_server import free_port
from tests.portal.test_production_settings import PRODUCTION_ENV, manage

BUCKET = "portal-media"
# As the deployment docs ask: anyone may read images, and nothing else.
PUBLIC_IMAGES_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": [
                f"arn:aws:s3:::{BUCKET}/images/*",
                f"arn:aws:s3:::{BUCKET}/original_images/*",
            ],
        }
    ],
}
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


@pytest.fixture(scope="module")
def s3_server():
    """An S3-compatible server of our own on a free loopback port, with an empty bucket."""
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - moto, installed with the dev dependencies
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        client = boto3.client(
            "s3", endpoint_url=endpoint, region_name="eu-west-2", **_keys(CREDENTIALS)
        )
        client.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
        )
        client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_IMAGES_POLICY))
        yield endpoint, client
    finally:
        server.terminate()
        server.wait(timeout=10)


def _keys(credentials):
    return {
        "aws_access_key_id": credentials["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": credentials["AWS_SECRET_ACCESS_KEY"],
    }


@pytest.fixture
def media_in_s3(s3_server, settings, monkeypatch):
    endpoint, client = s3_server
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    storage, _ = s3_media_storage(BUCKET, endpoint_url=endpoint, region="eu-west-2")
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    settings.WAGTAILDOCS_SERVE_METHOD = "serve_view"
    return endpoint, client


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
        return response.status, response.headers, response.read()


def test_images_and_renditions_are_kept_in_the_bucket_with_their_cache_headers(db, media_in_s3):
    endpoint, client = media_in_s3
    image = ImageFactory(file__width=800, file__height=400)
    rendition = image.get_rendition("width-400|format-webp")

    assert type(default_storage._wrapped).__name__ == "S3MediaStorage"
    original = client.head_object(Bucket=BUCKET, Key=image.file.name)
    kept = client.head_object(Bucket=BUCKET, Key=rendition.file.name)
    assert original["CacheControl"] == "public, max-age=3600"
    assert kept["CacheControl"] == "public, max-age=31536000, immutable"
    assert kept["ContentType"] == "image/webp"
    assert rendition.url.startswith(f"{endpoint}/{BUCKET}/images/")
    status, headers, body = fetch(rendition.url)
    assert status == 200
    assert body == rendition.file.open("rb").read()
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_two_uploads_with_one_name_never_overwrite_each_other(db, media_in_s3):
    first = ImageFactory(file__filename="photo.jpg", file__color="red")
    second = ImageFactory(file__filename="photo.jpg", file__color="blue")

    assert first.file.name != second.file.name
    assert first.get_rendition("width-100").url != second.get_rendition("width-100").url


def test_a_page_shows_its_image_from_the_bucket(client, home_page, media_in_s3):
    endpoint, _ = media_in_s3
    image = ImageFactory(file__width=600, file__height=300)
    page = StandardPage(
        title="With an image",
        slug="with-an-image",
        body=BodyBlock().to_python(
            [
                {
                    "type": "image",
                    "value": {
                        "image": {"image": image.pk, "alt_text": "A ward", "decorative": False},
                        "caption": "",
                    },
                }
            ]
        ),
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()

    shown = BeautifulSoup(client.get(page.url).content, "html.parser").select_one("main img")

    assert shown["alt"] == "A ward"
    assert shown["src"].startswith(f"{endpoint}/{BUCKET}/images/")
    assert fetch(shown["src"])[0] == 200


def test_documents_in_the_bucket_are_still_served_through_the_app(client, db, media_in_s3):
    document = DocumentFactory(file__filename="report.pdf", file__data=b"%PDF-1.4\nreport")

    response = client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4\nreport"
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(document.file.url)  # not from the bucket itself
    assert refused.value.code == 403


def test_production_keeps_media_in_s3_when_a_bucket_is_given():
    show = (
        "shell",
        "-c",
        "import json; from django.conf import settings; print(json.dumps(["
        "settings.STORAGES['default'], settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'],"
        "settings.WAGTAILDOCS_SERVE_METHOD]))",
    )
    env = {
        **PRODUCTION_ENV,
        "MEDIA_S3_BUCKET": BUCKET,
        "MEDIA_S3_CUSTOM_DOMAIN": "media.example.org",
        "MEDIA_S3_REGION": "eu-west-2",
    }

    result = manage(*show, **env)
    storage, image_sources, documents = json.loads(result.stdout.splitlines()[-1])

    assert storage["BACKEND"] == "portal.s3_media.S3MediaStorage"
    assert storage["OPTIONS"]["bucket_name"] == BUCKET
    assert storage["OPTIONS"]["querystring_auth"] is False
    assert "https://media.example.org" in image_sources
    assert documents == "serve_view"
    deploy = manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
