"""The "Members" list: who they are, when they joined and last signed in, filters, a safe CSV,
and removing a member (which ends their sign-in)."""

import csv
import io
from datetime import datetime, timedelta
from io import StringIO

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from members.models import Member
from tests.members.factories import MemberFactory

LIST_URL = "/admin/members/member/"


def rows(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [row.get_text(" ", strip=True) for row in soup.select("table.listing tbody tr")]


def test_list_shows_name_role_organisation_joined_and_last_signed_in(membership_client, db):
    ada = MemberFactory(full_name="Ada Nurse", organisation="PICU Leeds", joined=True)
    ada.user.last_login = timezone.make_aware(datetime(2026, 3, 2, 9, 30))
    ada.user.save()
    MemberFactory(full_name="Ben Invited", role="doctor")

    listed = rows(membership_client.get(LIST_URL))

    [ada_row] = [row for row in listed if "Ada Nurse" in row]
    assert "Nurse" in ada_row and "PICU Leeds" in ada_row and "Member" in ada_row
    assert "2 Mar 2026, 9:30 a.m." in ada_row
    [ben_row] = [row for row in listed if "Ben Invited" in row]
    assert "Invited" in ben_row and "Doctor" in ben_row


def test_filters_by_state_and_role(membership_client, db):
    MemberFactory(full_name="Ada Nurse", joined=True)
    MemberFactory(full_name="Ben Invited", role="doctor")

    joined = rows(membership_client.get(LIST_URL + "?state=member"))
    doctors = rows(membership_client.get(LIST_URL + "?role=doctor"))

    assert [("Ada Nurse" in row) for row in joined] == [True]
    assert [("Ben Invited" in row) for row in doctors] == [True]


def test_a_filter_through_a_relation_typed_into_the_address_is_ignored(membership_client, db):
    MemberFactory(full_name="Ada Nurse", joined=True)

    response = membership_client.get(LIST_URL + "?user__password__startswith=x")

    assert response.status_code == 200
    assert any("Ada Nurse" in row for row in rows(response))


def test_csv_export_is_safe_for_spreadsheets(membership_client, db):
    MemberFactory(full_name="=HYPERLINK(1)", organisation="+44 unit", joined=True)

    response = membership_client.get(LIST_URL + "?export=csv")
    content = b"".join(response.streaming_content)

    assert response["Content-Type"] == "text/csv"
    assert content.startswith(b"\xef\xbb\xbf")
    [row] = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert row["Full name"] == "'=HYPERLINK(1)"
    assert row["Organisation or unit"] == "'+44 unit"
    assert row["State"] == "Member"
    assert row["Last signed in"] == ""


def test_the_list_runs_a_fixed_number_of_queries(
    membership_client, db, django_assert_max_num_queries
):
    MemberFactory.create_batch(3, joined=True)
    membership_client.get(LIST_URL)
    MemberFactory.create_batch(10, joined=True)

    with django_assert_max_num_queries(40) as few:
        membership_client.get(LIST_URL)
    baseline = len(few.captured_queries)
    MemberFactory.create_batch(10, joined=True)
    with django_assert_max_num_queries(baseline):
        membership_client.get(LIST_URL)


def test_removing_a_member_erases_the_record_and_their_sign_in(membership_client, db):
    ada = MemberFactory(full_name="Ada Nurse", email="ada@example.org", joined=True)
    user_id = ada.user_id

    response = membership_client.post(f"{LIST_URL}delete/{ada.pk}/")

    assert response.status_code == 302
    assert not Member.objects.exists()
    assert not get_user_model().objects.filter(pk=user_id).exists()


def test_editors_cannot_see_members(client, db, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    MemberFactory(full_name="Ada Nurse", joined=True)

    response = client.get(LIST_URL)

    assert response.status_code in (302, 403)
    assert "Ada Nurse" not in response.content.decode()


def test_invitations_not_taken_up_are_purged_after_their_period(db, settings):
    old = MemberFactory(full_name="Old Invite")
    Member.objects.filter(pk=old.pk).update(
        invited_at=timezone.now() - timedelta(days=settings.MEMBER_INVITATION_RETENTION_DAYS + 1)
    )
    recent = MemberFactory(full_name="Recent Invite")
    joined_long_ago = MemberFactory(full_name="Long Member", joined=True)
    Member.objects.filter(pk=joined_long_ago.pk).update(
        invited_at=timezone.now() - timedelta(days=1000)
    )

    call_command("purge_expired_data", stdout=StringIO())

    assert set(Member.objects.values_list("full_name", flat=True)) == {
        recent.full_name,
        joined_long_ago.full_name,
    }
