"""Keeps secrets that travel in URLs (sign-up confirmation and unsubscribe tokens) out of logs.

Used by the logging configuration (Django's "Not Found: /notifications/confirm/..." lines) and
by gunicorn's access log in the Docker image (`--logger-class people.redaction.AccessLogger`).
"""

import logging
import re

from gunicorn.glogging import Logger

TOKEN_IN_PATH = re.compile(r"(/notifications/(?:confirm|unsubscribe)/)[^/\s?\"']+")
REDACTED = r"\1[redacted]"


def redact(text):
    return TOKEN_IN_PATH.sub(REDACTED, text)


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
