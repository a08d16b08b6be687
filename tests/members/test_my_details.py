"""My details: a signed-in member sees everything held about them, corrects their name and
organisation, downloads it all, and leaves the group, choosing what happens to certificates."""

import json

import pytest
from django.contrib.auth import get_user_model

from members.models import Member
from membership.models import JoinRequest
from tests.members.factories import MemberFactory
from tests.membership.factories import JoinRequestFactory

DETAILS = "/members/my-details/"


@pytest.fixture
def ada(site_details):
    JoinRequestFactory(
        full_name="Ada Nurse", email="ada@example.org", status=JoinRequest.Status.ACCEPTED
    )
    return MemberFactory(
        full_name="Ada Nurse", email="ada@example.org", organisation="PICU Leeds", joined=True
    )


@pytest.fixture
def ada_client(client, ada):
    client.force_login(ada.user)
    return client


def test_a_member_sees_everything_held_about_them(ada_client):
    page = ada_client.get(DETAILS).content.decode()

    assert "PICU Leeds" in page
    assert "&quot;join_requests&quot;" in page  # the join request, from the shared export
    assert "&quot;members&quot;" in page


def test_someone_not_signed_in_is_sent_to_sign_in(client, db):
    response = client.get(DETAILS)

    assert response.status_code == 302
    assert response["Location"].startswith("/members/sign-in/?next=")


def test_a_member_corrects_their_name_and_organisation(ada_client, ada):
    response = ada_client.post(
        DETAILS, {"full_name": "Ada Nurse-Smith", "organisation": "PICU York"}, follow=True
    )

    assert "Your details have been saved." in response.content.decode()
    ada.refresh_from_db()
    assert (ada.full_name, ada.organisation) == ("Ada Nurse-Smith", "PICU York")
    assert ada.user.last_name == "Nurse-Smith"


def test_an_empty_name_is_refused_without_a_server_error(ada_client, ada):
    response = ada_client.post(DETAILS, {"full_name": "", "organisation": "x" * 500})

    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    ada.refresh_from_db()
    assert ada.full_name == "Ada Nurse"


def test_the_download_is_the_personal_data_export(ada_client):
    response = ada_client.get(DETAILS + "download/")

    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["email"] == "ada@example.org"
    assert data["members"][0]["organisation"] == "PICU Leeds"
    assert data["join_requests"][0]["full_name"] == "Ada Nurse"


def test_leaving_and_keeping_certificates_ends_membership_only(ada_client, ada):
    response = ada_client.post("/members/leave/", {"keep_certificates": "yes"}, follow=True)

    assert "You have left the group" in response.content.decode()
    assert response.context["user"].is_anonymous
    assert not Member.objects.exists()
    assert not get_user_model().objects.filter(pk=ada.user_id).exists()
    assert JoinRequest.objects.filter(email="ada@example.org").exists()


def test_leaving_and_erasing_everything_removes_all_their_data(ada_client):
    ada_client.post("/members/leave/", {"keep_certificates": "no"})

    assert not Member.objects.exists()
    assert not JoinRequest.objects.filter(email="ada@example.org").exists()


def test_leaving_without_a_choice_leaves_nothing(ada_client):
    response = ada_client.post("/members/leave/", {}, follow=True)

    assert "Choose what happens to your certificates" in response.content.decode()
    assert Member.objects.exists()
