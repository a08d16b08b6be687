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


def test_favicon_is_served_at_the_address_browsers_ask_for(client, db):
    response = client.get("/favicon.ico", follow=True)

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x00\x00\x01\x00")  # an ICO file


def test_pages_link_their_icon(client, demo_home):
    response = client.get("/")

    assert b'<link rel="icon" href="/static/images/favicon.ico"' in response.content


def test_public_pages_have_a_strict_content_security_policy(client, demo_home):
    csp = client.get("/")["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"].startswith("'self' 'sha256-")
    assert "'unsafe-inline'" not in csp
    assert "nonce-" not in csp  # the same header for every visitor, so pages can be cached
    assert directives["frame-ancestors"] == "'self'"  # the admin's preview, and no one else


def test_the_admin_has_its_own_policy_that_allows_its_previews(admin_client):
    csp = admin_client.get("/admin/")["Content-Security-Policy"]

    assert "frame-src 'self'" in csp
    assert "frame-ancestors 'self'" in csp


def test_browser_features_the_portal_never_uses_are_switched_off(client, db):
    policy = client.get("/robots.txt")["Permissions-Policy"]

    for feature in ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"]:
        assert feature in policy
