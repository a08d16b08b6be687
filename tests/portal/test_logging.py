"""What the portal's own apps log at INFO reaches the log in every environment."""

import pytest

from tests.portal.test_production_settings import PRODUCTION_ENV, manage

LOGGERS = ["outbox.mail", "membership.views", "notifications.views", "membership.emails"]
SHOW_LEVELS = (
    "import logging; print(' '.join(logging.getLevelName(logging.getLogger(name)"
    f".getEffectiveLevel()) for name in {LOGGERS!r}))"
)


@pytest.mark.parametrize(
    "environment",
    [
        {"DJANGO_SETTINGS_MODULE": "config.settings.dev"},
        {"DJANGO_SETTINGS_MODULE": "config.settings.test"},
        PRODUCTION_ENV,
        dict(PRODUCTION_ENV, DJANGO_LOG_LEVEL="ERROR"),
    ],
    ids=["dev", "test", "production", "production-quiet-libraries"],
)
def test_the_apps_info_lines_are_kept_in_every_environment(environment):
    result = manage("shell", "--no-imports", "-c", SHOW_LEVELS, **environment)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["INFO"] * len(LOGGERS)
