"""Signed links and password-reset tokens never reach a log: not the access log, not Django's."""

import logging
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from gunicorn.config import Config

from notifications import tokens as notification_links
from people.redaction import AccessLogger, RedactTokens, redact
from registrations import tokens as registration_links
from tests.notifications.factories import SubscriberFactory
from tests.registrations.factories import RegistrationFactory

CONFIRM = "/notifications/confirm/eyJrIjoiNWYxIn0:1vQx:secret-part/"
UNSUBSCRIBE = "/notifications/unsubscribe/eyJrIjoiNWYxIn0:1vQx:other-secret/"


def test_the_access_log_keeps_the_request_but_not_the_token(tmp_path):
    config = Config()
    config.set("accesslog", str(tmp_path / "access.log"))
    config.set("access_log_format", '%(h)s "%(r)s" %(s)s "%(f)s" %(U)s')
    access_logger = AccessLogger(config)
    request = SimpleNamespace(
        headers=[("REFERER", f"https://portal.example.org{CONFIRM}")],
        uri=UNSUBSCRIBE,
        path=UNSUBSCRIBE,
        query="",
        method="POST",
        version=(1, 1),
    )
    response = SimpleNamespace(
        status="302 Found", status_code=302, response_length=0, headers=[], sent=0
    )
    environ = {
        "REQUEST_METHOD": "POST",
        "RAW_URI": UNSUBSCRIBE,
        "PATH_INFO": UNSUBSCRIBE,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_REFERER": f"https://portal.example.org{CONFIRM}",
    }

    access_logger.access(response, request, environ, timedelta(milliseconds=12))
    for handler in access_logger.access_log.handlers:
        handler.flush()

    line = (tmp_path / "access.log").read_text()
    assert "POST /notifications/unsubscribe/[redacted]/ HTTP/1.1" in line
    assert "https://portal.example.org/notifications/confirm/[redacted]/" in line
    assert "secret" not in line


def test_django_log_lines_about_token_urls_lose_the_token():
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", (CONFIRM,), None
    )

    RedactTokens().filter(record)

    assert record.getMessage() == "Not Found: /notifications/confirm/[redacted]/"


def every_link_with_a_secret(user):
    subscriber = SubscriberFactory()
    registration = RegistrationFactory()
    reset_token = default_token_generator.make_token(user)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return {
        "confirm": (notification_links.confirm_url(subscriber), subscriber.key.hex),
        "unsubscribe": (notification_links.unsubscribe_url(subscriber), subscriber.key.hex),
        "cancel": (registration_links.cancel_url(registration), registration.key.hex),
        "feedback": (registration_links.feedback_url(registration), registration.key.hex),
        "materials": (registration_links.materials_url(registration), registration.key.hex),
        "password reset": (
            "https://portal.example.org"
            + reverse("wagtailadmin_password_reset_confirm", args=[uid, reset_token]),
            reset_token,
        ),
    }


@pytest.mark.parametrize(
    "kind", ["confirm", "unsubscribe", "cancel", "feedback", "materials", "password reset"]
)
def test_no_link_the_portal_emails_leaves_its_secret_in_a_log_line(db, admin_user, kind):
    url, secret = every_link_with_a_secret(admin_user)[kind]
    path = url.removeprefix("https://portal.example.org").removeprefix("http://testserver")

    for line in (f'GET {path} HTTP/1.1" 200 "-"', f'"POST /x/ HTTP/1.1" 302 "{url}"'):
        assert secret not in redact(line)
        assert "[redacted]" in redact(line)


def test_ordinary_addresses_and_hosts_with_ports_are_left_as_they_are():
    line = 'GET /events/?q=a:b HTTP/1.1" 200 "http://127.0.0.1:8000/resources/"'

    assert redact(line) == line
