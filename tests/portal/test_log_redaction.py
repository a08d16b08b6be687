"""Confirmation and unsubscribe tokens never reach a log: not the access log, not Django's."""

import logging
from datetime import timedelta
from types import SimpleNamespace

from gunicorn.config import Config

from people.redaction import AccessLogger, RedactTokens

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
