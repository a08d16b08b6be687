"""`make run`'s example member: made on a local database in development only."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from members.models import Member


def test_the_example_member_is_made_once_and_can_sign_in_by_its_link(db, settings):
    settings.DEBUG = True
    call_command("ensure_dev_member", stdout=StringIO())
    call_command("ensure_dev_member", stdout=StringIO())
    out = StringIO()
    call_command("ensure_dev_member", "--link", stdout=out)

    member = Member.objects.get()
    assert member.email == "member@localhost" and member.has_joined
    path = "/" + out.getvalue().strip().split("/", 3)[3]
    client = Client()
    client.post(path, {"t": path.split("t=", 1)[1]})
    assert client.get("/members/my-details/").status_code == 200


def test_the_example_member_is_never_made_outside_development(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        call_command("ensure_dev_member")

    assert not Member.objects.exists()
