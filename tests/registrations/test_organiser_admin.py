"""Organisers' screens: who may see registrations, the list and CSV, check-in, email, dashboard."""

import pytest
from django.urls import reverse

from outbox.models import OutgoingEmail
from registrations.models import Registration
from tests.registrations.factories import RegistrationFactory


@pytest.fixture
def people(event):
    return [
        RegistrationFactory(event=event, full_name="Alex Example"),
        RegistrationFactory(event=event, full_name="=HYPERLINK(1)"),
        RegistrationFactory(event=event, full_name="Sam Waiting", status="waiting"),
    ]


def test_only_organisers_and_superusers_see_registrations(client, editor, organiser, people):
    index = reverse("registrations_registration_modeladmin_index")

    client.force_login(editor)
    assert client.get(index).status_code in (302, 403)
    assert client.get(reverse("registrations_events")).status_code in (302, 403)

    client.force_login(organiser)
    response = client.get(index)
    assert response.status_code == 200
    assert "Alex Example" in response.content.decode()


def test_csv_is_per_event_and_formula_safe(client, organiser, event, people, events_index):
    from tests.registrations.factories import RegistrationEventFactory

    other = RegistrationEventFactory(parent=events_index, title="Other event")
    RegistrationFactory(event=other, full_name="Elsewhere Person")
    client.force_login(organiser)

    url = reverse("registrations_registration_modeladmin_index")
    csv = client.get(url, {"event": event.pk, "export": "csv"})
    content = b"".join(csv.streaming_content).decode()

    assert "Alex Example" in content
    assert "'=HYPERLINK(1)" in content
    assert "Elsewhere Person" not in content


def test_check_in_marks_attendance(client, organiser, event, people):
    client.force_login(organiser)
    url = reverse("registrations_check_in", args=[event.pk])

    page = client.get(url).content.decode()
    assert "Alex Example" in page
    assert "Sam Waiting" not in page
    client.post(url, {"registration": people[0].pk, "attended": "yes"})

    assert Registration.objects.get(pk=people[0].pk).status == "attended"
    assert "Checked in" in client.get(url).content.decode()
    assert client.post(url, {"registration": "x"}).status_code == 404


def test_email_goes_to_everyone_with_a_place_through_the_outbox(client, organiser, event, people):
    client.force_login(organiser)

    client.post(
        reverse("registrations_email", args=[event.pk]),
        {"subject": "Parking", "message": "Park at the back."},
    )

    recipients = set(OutgoingEmail.objects.values_list("recipient", flat=True))
    assert recipients == {people[0].email, people[1].email}
    assert "Park at the back." in OutgoingEmail.objects.first().text_body


def test_dashboard_counts_registrations_against_places(admin_client, event, people):
    response = admin_client.get(reverse("wagtailadmin_home"))

    assert "2 of 20, 1 waiting" in response.content.decode()


def test_event_list_runs_a_fixed_number_of_queries(
    admin_client, event, people, django_assert_max_num_queries
):
    admin_client.get(reverse("registrations_events"))
    with django_assert_max_num_queries(20):
        response = admin_client.get(reverse("registrations_events"))
    assert "2 of 20 places" in response.content.decode()


def test_empty_answers_are_empty_cells_in_the_csv(client, organiser, event):
    import csv
    import io

    RegistrationFactory(event=event, full_name="No Needs", needs="")
    client.force_login(organiser)

    url = reverse("registrations_registration_modeladmin_index")
    response = client.get(url, {"event": event.pk, "export": "csv"})
    content = b"".join(response.streaming_content).decode().lstrip("\ufeff")

    [row] = list(csv.DictReader(io.StringIO(content)))
    assert row["Full name"] == "No Needs"
    assert row["Access or dietary needs"] == ""
    assert "'-" not in content
