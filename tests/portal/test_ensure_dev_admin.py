"""The development admin account (admin/admin) is only ever made on a local database."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connections
from django.test import Client

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


def test_the_admin_account_signs_in_locally_with_the_code_the_command_prints(db, settings):
    # The test database is SQLite or a PostgreSQL server on this machine: local either way.
    settings.DEBUG = True
    call_command("ensure_dev_admin", stdout=StringIO())
    out = StringIO()
    call_command("ensure_dev_admin", "--code", stdout=out)
    client = Client()
    client.post("/admin/login/", {"username": "admin", "password": "admin"})

    response = client.post("/admin/second-factor/", {"code": out.getvalue().strip()})

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_running_again_keeps_the_same_authenticator(db, settings):
    settings.DEBUG = True
    first, second = StringIO(), StringIO()

    call_command("ensure_dev_admin", stdout=first)
    call_command("ensure_dev_admin", stdout=second)

    key = re.search(r"add the key (\w+)", first.getvalue()).group(1)
    assert f"add the key {key}" in second.getvalue()
