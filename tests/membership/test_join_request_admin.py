"""The "Join requests" admin: list, filters, search, inspect, status changes and CSV export."""

import csv
import io
from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup

from membership.models import JoinRequest, JoinRequestStatusChange
from outbox.mail import queue_email
from outbox.models import OutgoingEmail
from tests.membership.factories import JoinRequestFactory

LIST_URL = "/admin/membership/joinrequest/"


def rows(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [row.get_text(" ", strip=True) for row in soup.select("table.listing tbody tr")]


def export(client, query=""):
    response = client.get(LIST_URL + "?" + query + ("&" if query else "") + "export=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert 'filename="join-requests.csv"' in response["Content-Disposition"]
    content = b"".join(response.streaming_content)
    # The byte-order mark tells Excel the file is UTF-8.
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.fixture
def requests_(db):
    return {
        "ada": JoinRequestFactory(
            full_name="Ada Nurse", email="ada@example.org", region="wales", role="nurse"
        ),
        "ben": JoinRequestFactory(
            full_name="Ben Doctor",
            email="ben@example.org",
            role="doctor",
            region="england",
            status=JoinRequest.Status.ACCEPTED,
        ),
    }


def test_list_shows_each_request_with_its_details_and_delivery_state(admin_client, requests_):
    queue_email(
        recipient="chair@example.org",
        subject="New request",
        text_body="...",
        about=requests_["ada"],
        send_now=False,
    )

    response = admin_client.get(LIST_URL)

    assert response.status_code == 200
    ada, ben = sorted(rows(response))
    for text in ["Ada Nurse", "ada@example.org", "Nurse", "New", "Waiting to be sent"]:
        assert text in ada
    assert "Accepted" in ben
    assert "No email queued" in ben


def test_list_is_filtered_by_status_role_region_and_delivery(admin_client, requests_):
    def names(query):
        return sorted(row.split(" ")[0] for row in rows(admin_client.get(LIST_URL + query)))

    assert names("?status__exact=accepted") == ["Ben"]
    assert names("?role__exact=nurse") == ["Ada"]
    assert names("?region__exact=wales") == ["Ada"]
    assert names("?delivery=none") == ["Ada", "Ben"]
    assert names("?delivery=waiting") == []


def test_list_is_filtered_by_date(admin_client, requests_):
    JoinRequest.objects.filter(pk=requests_["ben"].pk).update(submitted_at="2020-01-01T12:00Z")

    response = admin_client.get(LIST_URL + "?submitted_at__gte=2021-01-01T00:00:00%2B00:00")

    assert [row.split(" ")[0] for row in rows(response)] == ["Ada"]


def test_list_search_finds_name_email_and_organisation(admin_client, requests_):
    assert len(rows(admin_client.get(LIST_URL + "?q=ben@example"))) == 1
    assert len(rows(admin_client.get(LIST_URL + "?q=Children's"))) == 2


@pytest.mark.parametrize(
    "query",
    [
        "?submitted_at__gte=not-a-date",
        "?page__owner__password__startswith=md5",
        "?status__in=",
        "?p=abc",
        "?o=99",
        "?export=xlsx",
    ],
)
def test_odd_list_queries_never_break_or_leak(admin_client, requests_, query):
    response = admin_client.get(LIST_URL + query, follow=True)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


def test_list_takes_a_fixed_number_of_queries(
    admin_client, requests_, django_assert_max_num_queries
):
    JoinRequestFactory.create_batch(20)
    with django_assert_max_num_queries(25):
        admin_client.get(LIST_URL)


def test_inspect_shows_every_answer_the_emails_and_the_history(admin_client, requests_):
    ada = requests_["ada"]
    queue_email(
        recipient="chair@example.org",
        subject="New request",
        text_body="...",
        about=ada,
        send_now=False,
    )
    OutgoingEmail.objects.update(last_error="ConnectionRefusedError: [Errno 111]")

    response = admin_client.get(f"{LIST_URL}inspect/{ada.pk}/")

    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    for expected in [
        "Ada Nurse",
        "ada@example.org",
        "Wales",
        "Some experience",
        "Education events",
        "Privacy notice (/home/privacy/)",
        "chair@example.org",
        "ConnectionRefusedError",
        "Waiting to be sent",
    ]:
        assert expected in text


def test_changing_the_status_records_who_and_when(admin_client, admin_user, requests_):
    ada = requests_["ada"]

    response = admin_client.post(
        f"{LIST_URL}edit/{ada.pk}/", {"status": "contacted", "notes": "Phoned on Monday."}
    )

    assert response.status_code == 302
    ada.refresh_from_db()
    assert ada.status == JoinRequest.Status.CONTACTED
    assert ada.notes == "Phoned on Monday."
    change = JoinRequestStatusChange.objects.get()
    assert (change.from_status, change.to_status) == ("new", "contacted")
    assert change.changed_by == admin_user
    assert change.changed_at is not None
    inspect = admin_client.get(f"{LIST_URL}inspect/{ada.pk}/").content.decode()
    assert "New → Contacted" in inspect


def test_saving_notes_alone_records_no_status_change(admin_client, requests_):
    ada = requests_["ada"]

    admin_client.post(f"{LIST_URL}edit/{ada.pk}/", {"status": "new", "notes": "Waiting."})

    assert JoinRequestStatusChange.objects.count() == 0


def test_the_edit_form_changes_only_status_and_notes(admin_client, requests_):
    ada = requests_["ada"]

    admin_client.post(
        f"{LIST_URL}edit/{ada.pk}/",
        {"status": "new", "notes": "", "full_name": "Changed", "email": "x@example.org"},
    )

    ada.refresh_from_db()
    assert (ada.full_name, ada.email) == ("Ada Nurse", "ada@example.org")


def test_requests_cannot_be_added_in_the_admin(admin_client, db):
    response = admin_client.get(f"{LIST_URL}create/")

    assert (response.status_code, response.get("Location")) == (302, "/admin/")


def test_the_list_offers_a_csv_download_and_no_other_format(admin_client, requests_):
    response = admin_client.get(LIST_URL + "?status__exact=accepted")

    soup = BeautifulSoup(response.content, "html.parser")
    downloads = soup.select("a[href*='export=']")
    assert [(link.get_text(strip=True), link["href"]) for link in downloads] == [
        ("Download CSV of this list", LIST_URL + "?status__exact=accepted&export=csv")
    ]


def test_csv_export_holds_the_filtered_list(admin_client, requests_):
    exported = export(admin_client, "status__exact=accepted")

    assert [row["Full name"] for row in exported] == ["Ben Doctor"]
    row = exported[0]
    assert row["Email address"] == "ben@example.org"
    assert row["Role"] == "Doctor"
    assert row["Where they work"] == "England"
    assert row["Status"] == "Accepted"
    assert row["Email delivery"] == "No email queued"


def test_csv_export_cannot_smuggle_spreadsheet_formulas(admin_client, db):
    JoinRequestFactory(full_name='=HYPERLINK("http://evil.example","click")', organisation="+1")

    [row] = export(admin_client)

    assert row["Full name"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["Organisation or unit"] == "'+1"


def test_csv_export_has_uk_date_times_notes_and_accented_names(admin_client, db):
    JoinRequestFactory(
        full_name="Siân Løvås-Ó Briain",
        notes="Rang on Monday.\nWill join the May meeting.",
        # 13:05 UTC in summer is 14:05 in the UK.
        submitted_at=datetime(2026, 7, 1, 13, 5, 42, 123456, tzinfo=UTC),
    )

    [row] = export(admin_client)

    assert row["Full name"] == "Siân Løvås-Ó Briain"
    assert row["Submitted"] == "01/07/2026 14:05"
    assert row["Notes"] == "Rang on Monday.\nWill join the May meeting."


def test_list_offers_the_email_address_as_a_mail_link(admin_client, requests_):
    soup = BeautifulSoup(admin_client.get(LIST_URL).content, "html.parser")

    assert soup.select_one("a[href='mailto:ada@example.org']").get_text() == "ada@example.org"


def test_change_status_page_names_the_applicant(admin_client, requests_):
    ada = requests_["ada"]

    response = admin_client.get(f"{LIST_URL}edit/{ada.pk}/")

    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "Change status Ada Nurse" in text
    for detail in ["ada@example.org", ada.organisation]:
        assert detail in text


def test_deleting_a_request_deletes_its_emails(admin_client, requests_):
    ada = requests_["ada"]
    queue_email(recipient="c@example.org", subject="s", text_body="t", about=ada, send_now=False)

    response = admin_client.post(f"{LIST_URL}delete/{ada.pk}/")

    assert response.status_code == 302
    assert not JoinRequest.objects.filter(pk=ada.pk).exists()
    assert OutgoingEmail.objects.count() == 0
