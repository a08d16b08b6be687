"""Events behind a password or for some groups take registrations from the people the page
lets in, and show the form to no one else."""

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from registrations.models import Registration


def register(client, event, answers):
    return client.post(reverse("registrations:register", args=[event.pk]), answers)


def has_form(client, event):
    soup = BeautifulSoup(client.get(event.url).content, "html.parser")
    return soup.find("form", id="registration-form") is not None


def test_a_password_protected_event_takes_registrations_once_the_password_is_given(
    client, event, answers
):
    restriction = PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.PASSWORD, password="members-only"
    )

    assert not has_form(client, event)
    assert register(client, event, answers).status_code == 404
    assert not Registration.objects.exists()

    response = client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, event.pk]),
        {"password": "members-only", "return_url": event.url},
    )
    assert response.status_code == 302
    assert has_form(client, event)
    response = register(client, event, answers)
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert Registration.objects.get().email == "alex@example.org"


def test_a_group_restricted_event_takes_registrations_from_its_members_only(
    client, django_user_model, event, answers
):
    members = Group.objects.create(name="Network members")
    restriction = PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(members)
    outsider = django_user_model.objects.create_user("outsider", password="pw")
    member = django_user_model.objects.create_user("member", password="pw")
    member.groups.add(members)

    client.force_login(outsider)
    assert register(client, event, answers).status_code == 404
    assert not Registration.objects.exists()

    client.force_login(member)
    assert has_form(client, event)
    assert register(client, event, answers).status_code == 302
    assert Registration.objects.get().email == "alex@example.org"
