"""The join form's "Tell me about upcoming meetings" signs the applicant up, with double opt-in."""

import time

import pytest

from membership.models import JoinRequest
from notifications.models import Subscriber
from portal.antispam import sign_timestamp
from tests.membership.factories import JoinPageFactory
from tests.notifications.factories import SubscriberFactory


@pytest.fixture
def join_page(home_page, site_settings):
    return JoinPageFactory(parent=home_page)


@pytest.fixture
def join_answers():
    return {
        "full_name": "Alex Example",
        "email": "Alex@Example.org",
        "role": "nurse",
        "organisation": "Example Children's Hospital PICU",
        "region": "wales",
        "clinically_active": "yes",
        "research_experience": "some",
        "wants_meeting_updates": "on",
        "consent": "on",
        "submission_token": "0b6a4d0e-0c36-4bf5-9a55-6f0c1a1f2f11",
        "form_started": sign_timestamp(time.time() - 60),
        "website": "",
    }


def submit(client, page, answers, capture):
    with capture(execute=True):
        response = client.post(page.url, answers)
    assert response.status_code == 302
    return response


def test_asking_for_meeting_news_on_the_join_form_signs_up_unconfirmed(
    client, join_page, join_answers, smtp_server, django_capture_on_commit_callbacks
):
    submit(client, join_page, join_answers, django_capture_on_commit_callbacks)

    assert JoinRequest.objects.count() == 1
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "alex@example.org"
    assert subscriber.name == "Alex Example"
    assert subscriber.source == Subscriber.Source.JOIN_REQUEST
    assert subscriber.interests == Subscriber.Interests.ALL
    assert subscriber.state == Subscriber.State.PENDING
    subjects = [mail["Subject"] for mail in smtp_server.to("alex@example.org")]
    assert "Confirm you want emails about Implementation Group meetings" in subjects


def test_applicants_who_do_not_ask_are_not_signed_up(
    client, join_page, join_answers, smtp_server, django_capture_on_commit_callbacks
):
    del join_answers["wants_meeting_updates"]

    submit(client, join_page, join_answers, django_capture_on_commit_callbacks)

    assert JoinRequest.objects.count() == 1
    assert not Subscriber.objects.exists()


def test_an_applicant_already_on_the_list_stays_as_they_were(
    client, join_page, join_answers, smtp_server, django_capture_on_commit_callbacks
):
    existing = SubscriberFactory(
        email="alex@example.org", interests=Subscriber.Interests.EDUCATIONAL
    )

    submit(client, join_page, join_answers, django_capture_on_commit_callbacks)

    subscriber = Subscriber.objects.get()
    assert subscriber.interests == Subscriber.Interests.EDUCATIONAL
    assert subscriber.source == Subscriber.Source.FORM
    assert subscriber.confirmed_at == existing.confirmed_at
