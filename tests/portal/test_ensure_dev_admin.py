"""The development admin account (admin/admin) is only ever made on a local database."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connections

from portal.models import User


@pytest.fixture
def postgres_settings(monkeypatch):
    """Make the connection look like a PostgreSQL server at `host`."""

    def use(host):
        connection = connections["default"]
        monkeypatch.setattr(connection, "vendor", "postgresql")
        monkeypatch.setitem(connection.settings_dict, "HOST", host)

    return use


def test_the_admin_account_is_made_on_a_local_database(db, settings, postgres_settings):
    settings.DEBUG = True
    postgres_settings("127.0.0.1")

    call_command("ensure_dev_admin")

    assert User.objects.get(username="admin").is_superuser


def test_a_database_on_another_machine_is_left_alone(db, settings, postgres_settings):
    settings.DEBUG = True
    postgres_settings("db.example.org")

    with pytest.raises(CommandError, match="only runs against a database on this machine"):
        call_command("ensure_dev_admin")

    assert not User.objects.filter(username="admin").exists()


def test_production_settings_are_refused(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        call_command("ensure_dev_admin")
