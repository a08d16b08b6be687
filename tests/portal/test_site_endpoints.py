from unittest import mock

from django.db import DatabaseError

from tests.home.factories import StandardPageFactory


def test_healthz_is_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_healthz_fails_when_the_database_does_not_answer(client, db):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=DatabaseError):
        response = client.get("/healthz")

    assert response.status_code == 503


def test_robots_txt_points_at_sitemap_and_keeps_crawlers_out_of_admin(client, db):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_live_pages_but_not_drafts(client, home_page):
    StandardPageFactory(parent=home_page, title="Privacy notice", slug="privacy")
    membership = StandardPageFactory(parent=home_page, title="Membership", slug="membership")
    membership.unpublish()

    body = client.get("/sitemap.xml").content.decode()

    assert "/privacy/</loc>" in body
    assert "/membership/</loc>" not in body


def test_unknown_address_gets_a_friendly_404(client, home_page):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert b"<title>Page not found | Implementation Group</title>" in response.content
    assert b'href="/search/"' in response.content


def test_healthz_answers_probes_on_internal_addresses_over_plain_http(client, db, settings):
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/healthz", HTTP_HOST="10.0.0.5:8000")

    assert response.status_code == 200
