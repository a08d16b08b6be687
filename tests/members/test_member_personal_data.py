"""A member is a record of a person: exported and erased with everything else for the address."""

import json
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from members.models import Member
from tests.members.factories import MemberFactory


def test_export_includes_the_member_record(db):
    MemberFactory(full_name="Ada Nurse", email="ada@example.org", joined=True)
    out = StringIO()

    call_command("personal_data", "--export", "ADA@example.org", stdout=out)

    [held] = json.loads(out.getvalue())["members"]
    assert held["full_name"] == "Ada Nurse"
    assert held["role"] == "Nurse"
    assert held["joined_at"]


def test_erasure_removes_the_member_and_their_account(db):
    ada = MemberFactory(full_name="Ada Nurse", email="ada@example.org", joined=True)
    MemberFactory(email="ben@example.org", joined=True)

    call_command(
        "personal_data", "--erase", "ada@example.org", stdout=StringIO(), stderr=StringIO()
    )

    assert list(Member.objects.values_list("email", flat=True)) == ["ben@example.org"]
    assert not get_user_model().objects.filter(pk=ada.user_id).exists()
    assert not get_user_model().objects.filter(email__iexact="ada@example.org").exists()
