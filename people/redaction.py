"""Keeps the secrets that travel in URLs out of every log: signed links (`people.links`: sign-up
confirmation, unsubscribe, cancel, feedback, certificate downloads, and any added later) and the
admin's password-reset tokens.

Used by the logging configuration (Django's "Not Found: /notifications/confirm/..." lines) and
by gunicorn's access log in the Docker image (`--logger-class people.redaction.AccessLogger`).
"""

import logging
import re

from gunicorn.glogging import Logger

REDACTED = "[redacted]"
_END = r"(?=[/?#\s\"']|$)"
SECRETS_IN_URLS = [
    # A signed value (`value:signature`, or `value:timestamp:signature`) as a path segment;
    # never a host and port in a Referer (`/127.0.0.1:8000`).
    re.compile(rf"(?<=/)(?![\w.-]+:\d+{_END})[^/\s?#\"':]+(?::[^/\s?#\"':]+)+{_END}"),
    # Django's password reset: /password_reset/confirm/<user id>/<token>/.
    re.compile(rf"(?<=/password_reset/confirm/)[^/\s?#\"']+/[^/\s?#\"']+{_END}"),
]


def redact(text):
    for pattern in SECRETS_IN_URLS:
        text = pattern.sub(REDACTED, text)
    return text


class RedactTokens(logging.Filter):
    """Rewrites a log record's message with the tokens taken out."""

    def filter(self, record):
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class AccessLogger(Logger):
    """Gunicorn's logger, with tokens taken out of every part of an access log line (the
    request line, the path and the Referer, which carries the page a form was posted from)."""

    def atoms(self, resp, req, environ, request_time):
        return {
            key: redact(value) if isinstance(value, str) else value
            for key, value in super().atoms(resp, req, environ, request_time).items()
        }
