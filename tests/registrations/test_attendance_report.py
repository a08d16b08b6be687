"""Attendance from an online meeting: an organiser uploads the Teams or Zoom attendance report,
sees who attended for how long, and marks those above a minimum share attended in one step.

The example reports in `attendance_reports/` are written for these tests in the formats the
services export: Teams' attendance list (UTF-16, tab-separated, in numbered sections) and
Zoom's participants export (with the meeting table first, and with unique users only)."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from registrations import certificates
from registrations.models import Registration
from tests.registrations.factories import RegistrationFactory

REPORTS = Path(__file__).parent / "attendance_reports"


@pytest.fixture
def people(event):
    return {
        "alex": RegistrationFactory(
            event=event, full_name="Alex Example", email="alex@example.org"
        ),
        "brief": RegistrationFactory(
            event=event, full_name="Brief Visitor", email="brief@example.org"
        ),
        "absent": RegistrationFactory(
            event=event, full_name="Not There", email="absent@example.org"
        ),
        "waiting": RegistrationFactory(
            event=event, full_name="Waiting Person", email="waiting@example.org", status="waiting"
        ),
    }


def url(event):
    return reverse("registrations_attendance_report", args=[event.pk])


def upload(client, event, name, minimum=75, **extra):
    report = SimpleUploadedFile(name, (REPORTS / name).read_bytes(), content_type="text/csv")
    return client.post(url(event), {"report": report, "minimum_share": minimum, **extra})


def table_rows(soup, caption_starts):
    for table in soup.find_all("table"):
        if table.caption.get_text().startswith(caption_starts):
            return [
                [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
                for row in table.tbody.find_all("tr")
            ]
    return []


def statuses(people):
    return {key: Registration.objects.get(pk=person.pk).status for key, person in people.items()}


def test_a_teams_report_shows_minutes_and_marks_those_above_the_minimum_in_one_step(
    client, organiser, event, people
):
    client.force_login(organiser)

    response = upload(client, event, "teams_attendance_list.csv")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert "The meeting lasted 120 minutes" in soup.get_text()
    assert table_rows(soup, "People registered") == [
        ["Alex Example", "alex@example.org", "115", "96%", "To be marked attended"],
        ["Brief Visitor", "brief@example.org", "20", "17%", "Below 75%: not marked"],
    ]
    assert table_rows(soup, "Rows of the report") == [
        ["Phone Guest (Guest)", "", "45", "No email in the report"],
        ["Waiting Person", "waiting@example.org", "110", "Waiting list, no place"],
        ["Walk In", "walkin@example.org", "90", "Not registered"],
    ]
    assert statuses(people)["alex"] == "registered"  # nothing changes before the button

    confirm = soup.find("input", {"name": "confirm"})["value"]
    done = client.post(url(event), {"confirm": confirm})

    assert done.status_code == 302
    assert statuses(people) == {
        "alex": "attended",
        "brief": "registered",
        "absent": "registered",
        "waiting": "waiting",
    }


def test_a_lower_minimum_marks_more_people(client, organiser, event, people):
    client.force_login(organiser)

    soup = BeautifulSoup(
        upload(client, event, "teams_attendance_list.csv", minimum=15).content, "html.parser"
    )
    client.post(url(event), {"confirm": soup.find("input", {"name": "confirm"})["value"]})

    assert statuses(people)["brief"] == "attended"
    assert statuses(people)["absent"] == "registered"


def test_a_zoom_export_adds_up_each_persons_joins_and_matches_email_in_any_case(
    client, organiser, event, people
):
    client.force_login(organiser)

    soup = BeautifulSoup(upload(client, event, "zoom_participants.csv").content, "html.parser")

    assert table_rows(soup, "People registered")[0] == [
        "Alex Example",
        "alex@example.org",
        "100",
        "83%",
        "To be marked attended",
    ]
    client.post(url(event), {"confirm": soup.find("input", {"name": "confirm"})["value"]})
    assert statuses(people)["alex"] == "attended"


def test_without_a_meeting_length_in_the_report_the_events_length_is_used_or_the_organisers(
    client, organiser, event, people
):
    client.force_login(organiser)

    soup = BeautifulSoup(
        upload(client, event, "zoom_participants_unique.csv").content, "html.parser"
    )
    assert "The meeting lasted 120 minutes" in soup.get_text()  # the event's two hours
    assert table_rows(soup, "People registered")[0][2:4] == ["118", "98%"]

    soup = BeautifulSoup(
        upload(client, event, "zoom_participants_unique.csv", meeting_minutes=236).content,
        "html.parser",
    )
    assert table_rows(soup, "People registered")[0][2:4] == ["118", "50%"]


def test_people_marked_from_a_report_get_certificates_as_today(
    client, organiser, event, people, time_machine
):
    client.force_login(organiser)
    soup = BeautifulSoup(upload(client, event, "teams_attendance_list.csv").content, "html.parser")
    client.post(url(event), {"confirm": soup.find("input", {"name": "confirm"})["value"]})

    time_machine.move_to(event.end + (event.end - event.start))
    assert certificates.send_certificates(event) == 1
    assert Registration.objects.get(pk=people["alex"].pk).certificate.attendee_name == (
        "Alex Example"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The submitted file is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "This is not a Teams or Zoom"),
        (b"Name,Email\nAlex,alex@example.org\n", "This is not a Teams or Zoom"),
        (b"Name,Email,Duration\n\n", "participants table is empty"),
        ("Name,Email,Duration\nZoë,zoe@example.org,∞\n".encode("utf-16"), "Not registered"),
    ],
)
def test_a_file_that_is_not_a_report_is_explained_never_a_server_error(
    client, organiser, event, people, content, message
):
    client.force_login(organiser)
    report = SimpleUploadedFile("report.csv", content, content_type="text/csv")

    response = client.post(url(event), {"report": report, "minimum_share": 75})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Registration.objects.filter(status="attended").exists()


def test_an_altered_or_foreign_confirmation_marks_no_one(client, organiser, event, people):
    from django.core import signing

    client.force_login(organiser)
    response = client.post(url(event), {"confirm": "not-signed"})
    assert response.status_code == 302
    foreign = signing.dumps(
        {"event": event.pk + 1, "registrations": [people["brief"].pk]},
        salt="registrations.attendance-report",
    )
    assert client.post(url(event), {"confirm": foreign}).status_code in (302, 403)
    assert not Registration.objects.filter(status="attended").exists()


def test_only_organisers_may_upload_reports(client, editor, event, people):
    client.force_login(editor)
    assert client.get(url(event)).status_code in (302, 403)
    assert upload(client, event, "teams_attendance_list.csv").status_code in (302, 403)
    assert not Registration.objects.filter(status="attended").exists()


def test_checking_a_report_runs_the_same_queries_however_many_people_it_lists(
    client, organiser, event, people, django_assert_max_num_queries
):
    RegistrationFactory.create_batch(40, event=event)
    client.force_login(organiser)
    upload(client, event, "teams_attendance_list.csv")  # warm caches: site, settings

    with django_assert_max_num_queries(20):
        response = upload(client, event, "teams_attendance_list.csv")
    assert response.status_code == 200
